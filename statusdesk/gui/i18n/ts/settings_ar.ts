<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>SettingWords</name>
    <message>
        <location filename="../../settings/words.py" line="15"/>
        <source>Next-update cadence (minutes)</source>
        <translation>الموعد بين التحديثات (بالدقائق)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="16"/>
        <source>Grace window (minutes)</source>
        <translation>مهلة السماح (بالدقائق)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="17"/>
        <source>Maintenance reminder (minutes before)</source>
        <translation>تذكير الصيانة (بالدقائق قبلها)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="18"/>
        <source>Display time zone</source>
        <translation>المنطقة الزمنية للعرض</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="19"/>
        <source>Digits in Arabic text</source>
        <translation>الأرقام في النص العربي</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="20"/>
        <source>Status page name (English)</source>
        <translation>اسم صفحة الحالة (بالإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="21"/>
        <source>Status page name (Arabic)</source>
        <translation>اسم صفحة الحالة (بالعربية)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="22"/>
        <source>Logo (English page)</source>
        <translation>الشعار (الصفحة الإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="23"/>
        <source>Logo (Arabic page)</source>
        <translation>الشعار (الصفحة العربية)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="24"/>
        <source>Company website</source>
        <translation>موقع الشركة</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="25"/>
        <source>Subscribe by email</source>
        <translation>الاشتراك بالبريد الإلكتروني</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="26"/>
        <source>Status page time zone</source>
        <translation>المنطقة الزمنية لصفحة الحالة</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="27"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="28"/>
        <source>Colours</source>
        <translation>الألوان</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="32"/>
        <source>How long a new incident promises until its next update, unless `--cadence-min` says otherwise. The countdown turns red when it lapses.</source>
        <translation>المدة التي تَعِد بها الحادثة الجديدة حتى تحديثها التالي، ما لم يحدد `--cadence-min` غير ذلك. يتحول العد التنازلي إلى الأحمر عند انقضائها.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="37"/>
        <source>How late a scheduled update may be and still go out by itself (the machine slept, the app was closed). Later than that it waits for a person as &apos;stale&apos;.</source>
        <translation>أقصى تأخير يُسمح به للتحديث المجدول ليُرسَل من تلقاء نفسه (إن كان الجهاز نائمًا أو التطبيق مغلقًا). وما تأخر أكثر من ذلك ينتظر شخصًا يراجعه بوصفه «متقادمًا».</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="42"/>
        <source>How long before a maintenance window starts its reminder goes out, unless `--remind-min` says otherwise; 0 sends no reminder.</source>
        <translation>كم قبل بدء نافذة الصيانة يُرسَل تذكيرها، ما لم يحدد `--remind-min` غير ذلك؛ والقيمة 0 تعني عدم إرسال تذكير.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="47"/>
        <source>The zone update templates write times in ({started_at}, {eta}, {next_update}, {window_start}, {window_end}), each followed by the zone&apos;s abbreviation.</source>
        <translation>المنطقة الزمنية التي تكتب بها قوالب التحديثات الأوقات ({started_at}، {eta}، {next_update}، {window_start}، {window_end})، ويتبع كلَّ وقت اختصارُ المنطقة.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="52"/>
        <source>Latin (0123) or Arabic-Indic (٠١٢٣) digits in Arabic text on the status page and in templates.</source>
        <translation>أرقام لاتينية (0123) أو هندية (٠١٢٣) في النص العربي على صفحة الحالة وفي القوالب.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="57"/>
        <source>The status page&apos;s name in English: its title, heading, feed and api/v2 JSON.</source>
        <translation>اسم صفحة الحالة بالإنجليزية: عنوانها وترويستها وموجزها وملف JSON في api/v2.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="61"/>
        <source>The status page&apos;s name in Arabic: the Arabic page&apos;s title, heading, feed and JSON.</source>
        <translation>اسم صفحة الحالة بالعربية: عنوان الصفحة العربية وترويستها وموجزها وملف JSON.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="65"/>
        <source>The address of the logo shown before the English page&apos;s name (its alt text is the name); empty: no logo.</source>
        <translation>عنوان الشعار الذي يظهر قبل اسم الصفحة الإنجليزية (ونصه البديل هو الاسم)؛ إن تُرك فارغًا فلا شعار.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="70"/>
        <source>The address of the logo shown before the Arabic page&apos;s name; empty: the English page&apos;s logo.</source>
        <translation>عنوان الشعار الذي يظهر قبل اسم الصفحة العربية؛ إن تُرك فارغًا فشعار الصفحة الإنجليزية.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="75"/>
        <source>The company&apos;s own site, linked from the status page&apos;s footer; empty: no link.</source>
        <translation>موقع الشركة نفسها، ويُربط من تذييل صفحة الحالة؛ إن تُرك فارغًا فلا رابط.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="79"/>
        <source>Where the page&apos;s &apos;Subscribe by email&apos; link goes: a sign-up page (https://…) or mailto:address; empty: the page offers only its Atom feeds.</source>
        <translation>وجهة رابط «الاشتراك بالبريد الإلكتروني» في الصفحة: صفحة تسجيل (https://…) أو mailto:address؛ إن تُرك فارغًا فلا تعرض الصفحة إلا موجزات Atom.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="84"/>
        <source>The zone the status page shows its times in (started, updates, next update, a maintenance&apos;s window), each followed by the zone&apos;s abbreviation; feeds and JSON stay in UTC.</source>
        <translation>المنطقة الزمنية التي تعرض بها صفحة الحالة أوقاتها (البدء والتحديثات والتحديث التالي ونافذة الصيانة)، ويتبع كلَّ وقت اختصارُ المنطقة؛ وتبقى الموجزات وملفات JSON بتوقيت UTC.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="90"/>
        <source>The language of the app&apos;s menus, buttons and messages, and its layout (Arabic is mirrored, right to left); `system` follows the system&apos;s language. Applies at the next start; `statusdesk --ui-language ar|en|system` overrides it for one run. The update texts keep their own directions either way.</source>
        <translation>لغة قوائم التطبيق وأزراره ورسائله، واتجاه تخطيطه (العربية معكوسة من اليمين إلى اليسار)؛ والقيمة `system` تتبع لغة النظام. يسري التغيير عند التشغيل التالي، ويتجاوزه `statusdesk --ui-language ar|en|system` لمرة تشغيل واحدة. وتحتفظ نصوص التحديثات باتجاهاتها في الحالتين.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="97"/>
        <source>Light or dark colours in the app; system follows the desktop&apos;s choice as it changes.</source>
        <translation>ألوان فاتحة أو داكنة في التطبيق؛ والقيمة system تتبع اختيار سطح المكتب كلما تغيّر.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="104"/>
        <source>an http:// or https:// address without a login in it (empty for none)</source>
        <translation>عنوان http:// أو https:// لا يتضمن بيانات دخول (فارغ إن لم يوجد)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="107"/>
        <source>an IANA zone name such as UTC, Asia/Riyadh or Europe/London</source>
        <translation>اسم منطقة زمنية من IANA مثل UTC أو Asia/Riyadh أو Europe/London</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="110"/>
        <source>one line of text, 1 to {most} characters</source>
        <translation>سطر نصي واحد، من 1 إلى {most} حرفًا</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="112"/>
        <source>a whole number of minutes from {low} to {high}</source>
        <translation>عدد صحيح من الدقائق من {low} إلى {high}</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="115"/>
        <source>a number of minutes from {low} to {high}</source>
        <translation>عدد من الدقائق من {low} إلى {high}</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="116"/>
        <source>a whole number of minutes from {low} to {high} (a week)</source>
        <translation>عدد صحيح من الدقائق من {low} إلى {high} (أسبوع)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="120"/>
        <source>latn (0123) or arab (٠١٢٣)</source>
        <translation>latn ‏(0123) أو arab ‏(٠١٢٣)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="126"/>
        <source>an http:// or https:// address without a login in it (empty for none), or mailto:someone@example.com</source>
        <translation>عنوان http:// أو https:// لا يتضمن بيانات دخول (فارغ إن لم يوجد)، أو mailto:someone@example.com</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="132"/>
        <source>system, ar or en</source>
        <translation>system أو ar أو en</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="133"/>
        <source>system, light or dark</source>
        <translation>system أو light أو dark</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="139"/>
        <source>Latin digits (0123)</source>
        <translation>أرقام لاتينية (0123)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="140"/>
        <source>Arabic-Indic digits (٠١٢٣)</source>
        <translation>أرقام هندية (٠١٢٣)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="143"/>
        <source>The system&apos;s language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="144"/>
        <source>العربية (Arabic)</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="148"/>
        <source>As the system&apos;s (light or dark)</source>
        <translation>كما في النظام (فاتحة أو داكنة)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="149"/>
        <source>Light</source>
        <translation>فاتحة</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="150"/>
        <source>Dark</source>
        <translation>داكنة</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>Review before publishing</source>
        <translation>المراجعة قبل النشر</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>Updates that skip review</source>
        <translation>تحديثات تُعفى من المراجعة</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>on: a new incident or update is submitted for review instead of published, and goes out when another person approves it; off: it goes out at once.</source>
        <translation>on: تُرسَل الحادثة الجديدة أو التحديث للمراجعة بدل نشرهما، ولا يُنشران إلا حين يعتمدهما شخص آخر؛ off: يُنشران فورًا.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>critical: while review is on, an update with critical impact goes out at once, recorded as review waived; none: every update waits for review.</source>
        <translation>critical: أثناء تفعيل المراجعة يُنشر التحديث ذو الأثر الحرج فورًا ويُسجَّل أنه أُعفي من المراجعة؛ none: ينتظر كل تحديث مراجعته.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>off or on</source>
        <translation>off أو on</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>none or critical</source>
        <translation>none أو critical</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>Team database</source>
        <translation>قاعدة بيانات الفريق</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>Where this folder's records live: a team's PostgreSQL database by its postgresql:// address (the role, host and database; its password kept with `statusdesk db password URL`), or empty for the folder's own file. Kept on this machine. Applies at the next start; `--db URL` overrides it for one run, `--db local` opens the folder's own file.</source>
        <translation>أين تُحفظ سجلات هذا المجلد: قاعدة بيانات PostgreSQL يتشاركها الفريق بعنوانها postgresql:// (الدور والخادم وقاعدة البيانات؛ وتُحفظ كلمة مرورها بالأمر `statusdesk db password URL`)، أو فارغ لملف المجلد نفسه. يُحفظ على هذا الجهاز. يسري عند التشغيل التالي؛ ويتقدّم عليه `--db URL` لتشغيل واحد، ويفتح `--db local` ملف المجلد نفسه.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>a postgresql:// address naming the role, host and database, without a password (empty for the folder's own file)</source>
        <translation>عنوان postgresql:// يسمّي الدور والخادم وقاعدة البيانات، بلا كلمة مرور (فارغ لملف المجلد نفسه)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>The name this desk goes by: on the updates it writes and the reviews it decides, and in the other desks&apos; &apos;Also here&apos;. Empty: the login name. Kept on this machine; `statusdesk --author NAME` or STATUSDESK_AUTHOR overrides it.</source>
        <translation>الاسم الذي يُعرف به هذا المكتب: على التحديثات التي يكتبها والمراجعات التي يبتّ فيها، وفي سطر «هنا أيضًا» لدى المكاتب الأخرى. فارغ: اسم الدخول. يُحفظ على هذا الجهاز؛ ويتقدّم عليه `statusdesk --author NAME` أو STATUSDESK_AUTHOR.</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>a name of up to {most} characters on one line, without control or direction characters (empty for the login name)</source>
        <translation>اسم من {most} حرفًا على الأكثر في سطر واحد، بلا محارف تحكّم أو اتجاه (فارغ لاسم الدخول)</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>Off: published at once</source>
        <translation>معطّلة: يُنشر فورًا</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>On: another person approves first</source>
        <translation>مفعّلة: يعتمده شخص آخر أولًا</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>None: every update is reviewed</source>
        <translation>لا شيء: يُراجَع كل تحديث</translation>
    </message>
    <message>
        <location filename="../../settings/words.py" line="1"/>
        <source>Critical updates go out at once</source>
        <translation>التحديثات الحرجة تُنشر فورًا</translation>
    </message>
</context>
<context>
    <name>SettingsWindow</name>
    <message>
        <location filename="../../settings/settings_window.py" line="78"/>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="89"/>
        <source>{key}: {allowed} (default {default})</source>
        <translation>{key}: {allowed} (الافتراضي {default})</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="129"/>
        <source>settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="139"/>
        <source>The workspace&apos;s settings (also `statusdesk setting list | set`). Save keeps them all and rebuilds the status page if its name or digits changed; Esc closes without changing anything.</source>
        <translation>إعدادات مساحة العمل (وهي نفسها في `statusdesk setting list | set`). «حفظ» يحفظها كلها ويعيد بناء صفحة الحالة إن تغيّر اسمها أو أرقامها؛ ومفتاح Esc يغلق النافذة دون تغيير أي شيء.</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="152"/>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="185"/>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="246"/>
        <source>Cannot read the settings: {error}</source>
        <translation>تعذّرت قراءة الإعدادات: {error}</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="257"/>
        <source>Still reading the settings; save again in a moment.</source>
        <translation>ما زالت الإعدادات قيد القراءة؛ احفظ مرة أخرى بعد لحظة.</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="271"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="279"/>
        <source>Settings saved: {changes}</source>
        <translation>حُفظت الإعدادات: {changes}</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="280"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="283"/>
        <source>; the status page was rebuilt</source>
        <translation>؛ وأُعيد بناء صفحة الحالة</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="285"/>
        <source>; the interface language changes at the next start</source>
        <translation>؛ وتتغير لغة الواجهة عند التشغيل التالي</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="288"/>
        <source>; the desk opens the records there at the next start</source>
        <translation>؛ ويفتح المكتب السجلات هناك عند التشغيل التالي</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="288"/>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="291"/>
        <source>.</source>
        <translation>.</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="297"/>
        <source>Nothing was saved: {error}</source>
        <translation>لم يُحفظ شيء: {error}</translation>
    </message>
    <message>
        <location filename="../../settings/settings_window.py" line="309"/>
        <source>Nothing was saved: fix what is marked above.</source>
        <translation>لم يُحفظ شيء: صحّح ما هو مُعلَّم أعلاه.</translation>
    </message>
</context>
</TS>
