<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Bindings</name>
    <message>
        <location filename="../../keys/actions.py" line="49"/>
        <location filename="../../keys/shortcuts.py" line="37"/>
        <source>{description} ({key})</source>
        <translation>{description} ({key})</translation>
    </message>
    <message>
        <location filename="../../keys/actions.py" line="84"/>
        <source>no key</source>
        <translation>بلا مفتاح</translation>
    </message>
    <message>
        <location filename="../../keys/actions.py" line="91"/>
        <source>{retry} retries, {skip} skips</source>
        <translation>{retry} لإعادة المحاولة، {skip} للتخطي</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="31"/>
        <source>Open a new incident (titles in English and Arabic)</source>
        <translation>افتح حادثة جديدة (بعنوانين بالإنجليزية والعربية)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="32"/>
        <location filename="../../keys/bindings.py" line="37"/>
        <location filename="../../keys/bindings.py" line="41"/>
        <location filename="../../keys/bindings.py" line="47"/>
        <location filename="../../keys/bindings.py" line="51"/>
        <location filename="../../keys/bindings.py" line="55"/>
        <location filename="../../keys/bindings.py" line="59"/>
        <location filename="../../keys/bindings.py" line="63"/>
        <location filename="../../keys/bindings.py" line="186"/>
        <location filename="../../keys/bindings.py" line="213"/>
        <location filename="../../keys/bindings.py" line="262"/>
        <source>Incident</source>
        <translation>حادثة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="33"/>
        <source>&amp;New incident…</source>
        <translation>حادثة &amp;جديدة…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="35"/>
        <source>New update on the current incident (cursor in English)</source>
        <translation>تحديث جديد على الحادثة الحالية (يبدأ المؤشر في الإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="38"/>
        <source>New &amp;update</source>
        <translation>&amp;تحديث جديد</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="40"/>
        <source>Publish now to the checked channels</source>
        <translation>انشر الآن في القنوات المحددة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="42"/>
        <source>&amp;Publish now</source>
        <translation>&amp;انشر الآن</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="44"/>
        <source>Schedule the update: a picker takes &quot;in 15m&quot;, &quot;14:30&quot; or a date and time and shows it in local time and UTC</source>
        <translation>جدولة التحديث: يقبل المنتقي &quot;in 15m&quot; أو &quot;14:30&quot; أو تاريخًا ووقتًا، ويعرضه بالتوقيت المحلي وبتوقيت UTC</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="48"/>
        <source>&amp;Schedule…</source>
        <translation>&amp;جدولة…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="50"/>
        <source>Set state: investigating (maintenance: scheduled)</source>
        <translation>تعيين الحالة: قيد التحقيق (الصيانة: مجدولة)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="52"/>
        <source>State 1: investigating / scheduled</source>
        <translation>الحالة ١: قيد التحقيق / مجدولة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="54"/>
        <source>Set state: identified (maintenance: in progress)</source>
        <translation>تعيين الحالة: تم تحديد السبب (الصيانة: جارية)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="56"/>
        <source>State 2: identified / in progress</source>
        <translation>الحالة ٢: تم تحديد السبب / جارية</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="58"/>
        <source>Set state: monitoring (maintenance: verifying)</source>
        <translation>تعيين الحالة: قيد المراقبة (الصيانة: قيد التحقق)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="60"/>
        <source>State 3: monitoring / verifying</source>
        <translation>الحالة ٣: قيد المراقبة / قيد التحقق</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="62"/>
        <source>Set state: resolved (maintenance: completed)</source>
        <translation>تعيين الحالة: تم الحل (الصيانة: مكتملة)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="64"/>
        <source>State 4: resolved / completed</source>
        <translation>الحالة ٤: تم الحل / مكتملة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="66"/>
        <source>Insert a template into both editors at once, filled for this incident (a placeholder that cannot be filled stays visible and blocks publishing)</source>
        <translation>أدرج قالبًا في المحررين معًا، مملوءًا لهذه الحادثة (العنصر النائب الذي يتعذر ملؤه يبقى ظاهرًا ويمنع النشر)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="69"/>
        <location filename="../../keys/bindings.py" line="74"/>
        <location filename="../../keys/bindings.py" line="80"/>
        <location filename="../../keys/bindings.py" line="87"/>
        <location filename="../../keys/bindings.py" line="91"/>
        <location filename="../../keys/bindings.py" line="263"/>
        <source>Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="70"/>
        <source>Insert &amp;template…</source>
        <translation>إدراج &amp;قالب…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="72"/>
        <source>Templates: write the workspace&apos;s own, or change a default (kept in the workspace)</source>
        <translation>القوالب: اكتب قوالب مساحة العمل الخاصة، أو عدّل قالبًا افتراضيًا (تُحفظ في مساحة العمل)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="75"/>
        <source>&amp;Templates…</source>
        <translation>&amp;القوالب…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="77"/>
        <source>Fix the direction controls of the update being written: close what is left open, drop stray closers and reversing overrides (Ctrl+Z undoes it)</source>
        <translation>أصلح علامات الاتجاه في التحديث الجاري كتابته: أغلق ما بقي مفتوحًا، واحذف علامات الإغلاق الشاردة وتجاوزات العكس (Ctrl+Z للتراجع)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="81"/>
        <source>&amp;Fix direction controls</source>
        <translation>&amp;إصلاح علامات الاتجاه</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="83"/>
        <source>Settings: the next-update cadence, the grace window, the maintenance reminder, the display zone and digits, the status page&apos;s name in English and Arabic</source>
        <translation>الإعدادات: موعد التحديث التالي، ومهلة السماح، وتذكير الصيانة، ومنطقة العرض الزمنية والأرقام، واسم صفحة الحالة بالإنجليزية والعربية</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="88"/>
        <source>&amp;Settings…</source>
        <translation>&amp;الإعدادات…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="90"/>
        <source>Jump between the English and Arabic editors</source>
        <translation>انتقل بين المحررين الإنجليزي والعربي</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="92"/>
        <source>Switch &amp;language editor</source>
        <translation>تبديل &amp;محرر اللغة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="94"/>
        <source>Command palette: find any command, incident, template or channel by a few letters of its English or Arabic name; Enter runs it, Esc closes</source>
        <translation>لوحة الأوامر: اعثر على أي أمر أو حادثة أو قالب أو قناة ببضعة أحرف من اسمه الإنجليزي أو العربي؛ Enter للتنفيذ، وEsc للإغلاق</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="97"/>
        <location filename="../../keys/bindings.py" line="101"/>
        <location filename="../../keys/bindings.py" line="105"/>
        <location filename="../../keys/bindings.py" line="109"/>
        <location filename="../../keys/bindings.py" line="113"/>
        <location filename="../../keys/bindings.py" line="118"/>
        <location filename="../../keys/bindings.py" line="122"/>
        <location filename="../../keys/bindings.py" line="128"/>
        <location filename="../../keys/bindings.py" line="133"/>
        <location filename="../../keys/bindings.py" line="264"/>
        <source>Go</source>
        <translation>انتقال</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="98"/>
        <source>Command &amp;palette…</source>
        <translation>&amp;لوحة الأوامر…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="100"/>
        <source>Previous incident in the list</source>
        <translation>الحادثة السابقة في القائمة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="102"/>
        <source>&amp;Previous incident</source>
        <translation>الحادثة &amp;السابقة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="104"/>
        <source>Next incident in the list</source>
        <translation>الحادثة التالية في القائمة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="106"/>
        <source>&amp;Next incident</source>
        <translation>الحادثة &amp;التالية</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="108"/>
        <source>Back to the incident shown before this one</source>
        <translation>رجوع إلى الحادثة المعروضة قبل هذه</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="110"/>
        <source>&amp;Back</source>
        <translation>&amp;رجوع</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="112"/>
        <source>Forward again to the incident left by Back</source>
        <translation>تقدّم من جديد إلى الحادثة التي غادرها الرجوع</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="114"/>
        <source>F&amp;orward</source>
        <translation>تق&amp;دّم</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="116"/>
        <source>Filter the incident list by a few letters of a title, in English or Arabic; Esc empties the filter</source>
        <translation>صفِّ قائمة الحوادث ببضعة أحرف من عنوان، بالإنجليزية أو العربية؛ Esc يفرغ عامل التصفية</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="119"/>
        <source>&amp;Filter incidents</source>
        <translation>&amp;تصفية الحوادث</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="121"/>
        <source>Move the keyboard focus to the incident list</source>
        <translation>انقل تركيز لوحة المفاتيح إلى قائمة الحوادث</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="123"/>
        <source>Incident &amp;list</source>
        <translation>&amp;قائمة الحوادث</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="125"/>
        <source>Move the keyboard to the channel previews (what each ticked channel will send), and back to the draft</source>
        <translation>انقل لوحة المفاتيح إلى معاينات القنوات (ما سترسله كل قناة محددة)، ثم عد إلى المسودة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="129"/>
        <source>Channel pre&amp;views</source>
        <translation>&amp;معاينات القنوات</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="131"/>
        <source>Show or hide the column of channel previews (remembered for the next start)</source>
        <translation>أظهر عمود معاينات القنوات أو أخفه (يُحفظ للتشغيل القادم)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="134"/>
        <source>Show or hide the previews &amp;column</source>
        <translation>إظهار &amp;عمود المعاينات أو إخفاؤه</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="136"/>
        <source>Retry a failed or undecided delivery of the current incident (same idempotency key)</source>
        <translation>أعد محاولة إرسال فاشل أو لم يُحسم للحادثة الحالية (بمفتاح عدم التكرار نفسه)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="138"/>
        <location filename="../../keys/bindings.py" line="143"/>
        <location filename="../../keys/bindings.py" line="265"/>
        <source>Deliveries</source>
        <translation>الإرسال</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="139"/>
        <source>&amp;Retry delivery…</source>
        <translation>&amp;إعادة محاولة الإرسال…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="141"/>
        <source>Skip a failed, undecided or waiting delivery of the current incident, with a reason</source>
        <translation>تخطَّ إرسالًا فاشلًا أو لم يُحسم أو منتظرًا للحادثة الحالية، مع ذكر السبب</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="144"/>
        <source>&amp;Skip delivery…</source>
        <translation>&amp;تخطي الإرسال…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="146"/>
        <source>Reschedule an update of the current incident that has not gone out (the picker, prefilled)</source>
        <translation>أعد جدولة تحديث للحادثة الحالية لم يُرسل بعد (المنتقي، مملوءًا مسبقًا)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="148"/>
        <location filename="../../keys/bindings.py" line="153"/>
        <location filename="../../keys/bindings.py" line="158"/>
        <location filename="../../keys/bindings.py" line="163"/>
        <location filename="../../keys/bindings.py" line="168"/>
        <location filename="../../keys/bindings.py" line="266"/>
        <source>Planned</source>
        <translation>المجدول</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="149"/>
        <source>&amp;Reschedule…</source>
        <translation>&amp;إعادة الجدولة…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="151"/>
        <source>Edit the text of an update of the current incident that has not gone out</source>
        <translation>عدّل نص تحديث للحادثة الحالية لم يُرسل بعد</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="154"/>
        <source>&amp;Edit update not yet out…</source>
        <translation>&amp;تعديل تحديث لم يُرسل بعد…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="156"/>
        <source>Cancel a scheduled update of the current incident (asks first)</source>
        <translation>ألغِ تحديثًا مجدولًا للحادثة الحالية (مع تأكيد)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="159"/>
        <source>&amp;Cancel scheduled update…</source>
        <translation>&amp;إلغاء تحديث مجدول…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="161"/>
        <source>Send a stale (or scheduled) update of the current incident now (asks first)</source>
        <translation>أرسل الآن تحديثًا متقادمًا (أو مجدولًا) للحادثة الحالية (مع تأكيد)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="164"/>
        <source>&amp;Send now…</source>
        <translation>&amp;أرسل الآن…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="166"/>
        <source>Discard a stale update of the current incident: it never goes out (asks first)</source>
        <translation>تجاهل تحديثًا متقادمًا للحادثة الحالية: لن يُرسل أبدًا (مع تأكيد)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="169"/>
        <source>&amp;Discard stale update…</source>
        <translation>تجاهل &amp;تحديث متقادم…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="170"/>
        <source>Updates waiting for review (setting review.required): who wrote each, when, both languages and its channels</source>
        <translation>التحديثات بانتظار المراجعة (الإعداد review.required): من كتب كلًّا منها، ومتى، باللغتين، وقنواته</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="170"/>
        <source>&amp;Waiting for review…</source>
        <translation>&amp;بانتظار المراجعة…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="170"/>
        <source>Approve the update chosen in Waiting for review: it goes out exactly as submitted (another person&apos;s, never your own)</source>
        <translation>اعتماد التحديث المختار في «بانتظار المراجعة»: يُنشر كما قُدِّم تمامًا (تحديث شخص آخر، لا تحديثك أبدًا)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="170"/>
        <source>&amp;Approve update…</source>
        <translation>ا&amp;عتماد التحديث…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="170"/>
        <source>Return the update chosen in Waiting for review to its author, with a comment; nothing is sent</source>
        <translation>إعادة التحديث المختار في «بانتظار المراجعة» إلى كاتبه مع تعليق؛ لا يُرسل شيء</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="170"/>
        <source>Re&amp;turn update with a comment…</source>
        <translation>إ&amp;عادة التحديث مع تعليق…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="171"/>
        <source>Channels: add, test, enable or disable them, and keep their secrets in the keyring</source>
        <translation>القنوات: أضفها واختبرها وفعّلها أو عطّلها، واحفظ أسرارها في حلقة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="173"/>
        <location filename="../../keys/bindings.py" line="179"/>
        <location filename="../../keys/bindings.py" line="267"/>
        <source>Channels</source>
        <translation>القنوات</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="174"/>
        <source>&amp;Channels and secrets…</source>
        <translation>&amp;القنوات والأسرار…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="176"/>
        <source>Subscribers: who the email channel mails, in which language; add, remove (an unsubscription, recorded) or import a CSV file</source>
        <translation>المشتركون: من تراسلهم قناة البريد الإلكتروني وبأي لغة؛ أضف أو احذف (إلغاء اشتراك يُسجَّل) أو استورد ملف CSV</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="180"/>
        <source>&amp;Subscribers…</source>
        <translation>&amp;المشتركون…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="182"/>
        <source>Export the current incident&apos;s timeline for the postmortem (Markdown, HTML, PDF, CSV or JSON; what was said, where, when, in which language, and how late)</source>
        <translation>صدّر الخط الزمني للحادثة الحالية لمراجعة ما بعد الحادثة (Markdown أو HTML أو PDF أو CSV أو JSON؛ ما قيل، وأين، ومتى، وبأي لغة، وكم تأخر)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="187"/>
        <source>&amp;Export timeline…</source>
        <translation>&amp;تصدير الخط الزمني…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="189"/>
        <source>Open the local status page in the browser</source>
        <translation>افتح صفحة الحالة المحلية في المتصفح</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="190"/>
        <location filename="../../keys/bindings.py" line="194"/>
        <location filename="../../keys/bindings.py" line="268"/>
        <source>Status page</source>
        <translation>صفحة الحالة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="191"/>
        <source>&amp;Open status page</source>
        <translation>&amp;افتح صفحة الحالة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="193"/>
        <source>Rebuild the local status page now</source>
        <translation>أعد بناء صفحة الحالة المحلية الآن</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="195"/>
        <source>&amp;Rebuild status page</source>
        <translation>أعد &amp;بناء صفحة الحالة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="197"/>
        <source>Show every key (this sheet); Esc closes it</source>
        <translation>اعرض كل المفاتيح (هذه القائمة)؛ Esc يغلقها</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="198"/>
        <location filename="../../keys/bindings.py" line="204"/>
        <location filename="../../keys/bindings.py" line="209"/>
        <location filename="../../keys/bindings.py" line="269"/>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="199"/>
        <source>&amp;Keyboard cheat sheet</source>
        <translation>&amp;قائمة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="201"/>
        <source>Keyboard shortcuts: give a command another key, unbind it or reset it (saved in the workspace; a key already taken is refused)</source>
        <translation>اختصارات لوحة المفاتيح: أعطِ أمرًا مفتاحًا آخر، أو أزل مفتاحه، أو أعده إلى الافتراضي (تُحفظ في مساحة العمل؛ ويُرفض المفتاح المستخدم مسبقًا)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="205"/>
        <source>Keyboard &amp;shortcuts…</source>
        <translation>&amp;اختصارات لوحة المفاتيح…</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="207"/>
        <source>About statusdesk: its version, Qt&apos;s and Python&apos;s, the workspace and the log folder</source>
        <translation>عن statusdesk: إصداره، وإصدارا Qt وPython، ومساحة العمل، ومجلد السجل</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="210"/>
        <source>&amp;About statusdesk</source>
        <translation>&amp;عن statusdesk</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="212"/>
        <source>Quit (asks first when a draft would be lost)</source>
        <translation>إنهاء (مع تأكيد إن كانت ستضيع مسودة)</translation>
    </message>
    <message>
        <location filename="../../keys/bindings.py" line="214"/>
        <source>&amp;Quit</source>
        <translation>&amp;إنهاء</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../../keys/cheatsheet.py" line="29"/>
        <source>statusdesk — keys</source>
        <translation>statusdesk — المفاتيح</translation>
    </message>
    <message>
        <location filename="../../keys/cheatsheet.py" line="33"/>
        <source>Every key of statusdesk. Esc closes this sheet; Esc never discards a draft.</source>
        <translation>مفاتيح statusdesk كلها. يغلق Esc هذه القائمة، ولا يحذف أي مسودة أبدًا.</translation>
    </message>
    <message>
        <location filename="../../keys/cheatsheet.py" line="39"/>
        <source>Keys and what they do</source>
        <translation>المفاتيح ووظائفها</translation>
    </message>
    <message>
        <location filename="../../keys/cheatsheet.py" line="40"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../../keys/cheatsheet.py" line="40"/>
        <source>Does</source>
        <translation>الوظيفة</translation>
    </message>
    <message>
        <location filename="../../keys/cheatsheet.py" line="40"/>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <location filename="../../keys/cheatsheet.py" line="68"/>
        <source>(no key)</source>
        <translation>(بلا مفتاح)</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <location filename="../../keys/keymap.py" line="79"/>
        <source>{key} is already {command}; unbind or rebind that first.</source>
        <translation>{key} مستخدم لـ«{command}»؛ أزل مفتاحه أو غيّره أولًا.</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="94"/>
        <source>{text} is not a key combination: {why}.</source>
        <translation>{text} ليس تركيبة مفاتيح: {why}.</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="118"/>
        <source>No key combination was given.</source>
        <translation>لم تُعطَ أي تركيبة مفاتيح.</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="120"/>
        <source>give one combination, not a sequence of them</source>
        <translation>أعطِ تركيبة واحدة، لا سلسلة تركيبات</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="127"/>
        <source>a &apos;+&apos; has nothing on one side</source>
        <translation>إحدى جهتي &apos;+&apos; فارغة</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="130"/>
        <source>{token} is not a modifier (Ctrl, Alt, Shift or Meta)</source>
        <translation>{token} ليس مفتاح تعديل (Ctrl أو Alt أو Shift أو Meta)</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="135"/>
        <source>{key} is given twice</source>
        <translation>{key} مذكور مرتين</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="143"/>
        <source>a modifier needs a key with it</source>
        <translation>مفتاح التعديل يحتاج إلى مفتاح معه</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="147"/>
        <source>{key} is a modifier and needs a key with it</source>
        <translation>{key} مفتاح تعديل ويحتاج إلى مفتاح معه</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="158"/>
        <source>{key} is not on every keyboard; use a Latin letter, a digit or a sign</source>
        <translation>{key} ليس موجودًا في كل لوحات المفاتيح؛ استخدم حرفًا لاتينيًا أو رقمًا أو رمزًا</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="166"/>
        <source>{key} is not a key name (use A-Z, 0-9, F1-F35, a sign, or a named key such as Up, PgDown, Home, Del, Space or Return)</source>
        <translation>{key} ليس اسم مفتاح (استخدم A-Z أو 0-9 أو F1-F35 أو رمزًا، أو مفتاحًا مسمى مثل Up أو PgDown أو Home أو Del أو Space أو Return)</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="195"/>
        <source>it closes popups and gives the keyboard back to where it was</source>
        <translation>إنه يغلق النوافذ المنبثقة ويعيد لوحة المفاتيح إلى حيث كانت</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="197"/>
        <source>Tab, Shift+Tab and Ctrl+Tab move the keyboard focus</source>
        <translation>Tab وShift+Tab وCtrl+Tab تنقل تركيز لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="199"/>
        <source>without Ctrl, Alt or Meta it types or moves the cursor in a text field; add one of them, or use F1-F35</source>
        <translation>بدون Ctrl أو Alt أو Meta يكتب أو يحرك المؤشر في حقل النص؛ أضف أحدها، أو استخدم F1-F35</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="205"/>
        <source>it selects, copies, cuts, pastes, undoes or redoes in every text field</source>
        <translation>إنه يحدد أو ينسخ أو يقص أو يلصق أو يتراجع أو يعيد في كل حقل نص</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="210"/>
        <source>it opens the {menu} menu</source>
        <translation>إنه يفتح قائمة «{menu}»</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="220"/>
        <source>{key} is reserved: {why}.</source>
        <translation>{key} محجوز: {why}.</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="295"/>
        <source>The saved keys are not a table of commands; using the default keys.</source>
        <translation>المفاتيح المحفوظة ليست جدول أوامر؛ تُستخدم المفاتيح الافتراضية.</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="310"/>
        <source>The saved key of {command} is not text; it keeps its default.</source>
        <translation>المفتاح المحفوظ لـ«{command}» ليس نصًا؛ يبقى على مفتاحه الافتراضي.</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="321"/>
        <source>The saved key of {command} is ignored. {why}</source>
        <translation>تم تجاهل المفتاح المحفوظ لـ«{command}». {why}</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="329"/>
        <source>The saved key of {command} is ignored: {key} is already {other}.</source>
        <translation>تم تجاهل المفتاح المحفوظ لـ«{command}»: {key} مستخدم لـ«{other}».</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="342"/>
        <source>{command} has no key: its default {key} is {other} by your choice. Give it another key.</source>
        <translation>لا مفتاح لـ«{command}»: مفتاحه الافتراضي {key} صار لـ«{other}» باختيارك. أعطه مفتاحًا آخر.</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="361"/>
        <source>There is no command {command}.</source>
        <translation>لا يوجد أمر باسم {command}.</translation>
    </message>
    <message>
        <location filename="../../keys/keymap.py" line="479"/>
        <source>The saved keys could not be read; using the default keys.</source>
        <translation>تعذّرت قراءة المفاتيح المحفوظة؛ تُستخدم المفاتيح الافتراضية.</translation>
    </message>
</context>
<context>
    <name>KeysWindow</name>
    <message>
        <location filename="../../keys/keys_window.py" line="126"/>
        <source>statusdesk — keyboard shortcuts</source>
        <translation>statusdesk — اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="132"/>
        <source>Choose a command, press its new key in the Key field, then Enter. A key needs Ctrl, Alt or Meta, or is one of F1-F35. Changes are saved at once; Esc closes.</source>
        <translation>اختر أمرًا، واضغط مفتاحه الجديد في حقل المفتاح، ثم Enter. يحتاج المفتاح إلى Ctrl أو Alt أو Meta، أو يكون أحد F1-F35. تُحفظ التغييرات فورًا؛ Esc للإغلاق.</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="144"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="164"/>
        <source>&amp;Commands:</source>
        <translation>&amp;الأوامر:</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="172"/>
        <source>Commands and their keys</source>
        <translation>الأوامر ومفاتيحها</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="173"/>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="173"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="173"/>
        <source>Does</source>
        <translation>الوظيفة</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="198"/>
        <source>&amp;Key:</source>
        <translation>&amp;المفتاح:</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="201"/>
        <source>New key for the selected command</source>
        <translation>المفتاح الجديد للأمر المحدد</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="206"/>
        <source>&amp;Set</source>
        <translation>&amp;تعيين</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="207"/>
        <source>&amp;Unbind</source>
        <translation>&amp;إزالة المفتاح</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="209"/>
        <source>&amp;Reset to default</source>
        <translation>&amp;استعادة الافتراضي</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="212"/>
        <source>Reset &amp;all</source>
        <translation>استعادة &amp;الكل</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="275"/>
        <source>{key} (default)</source>
        <translation>{key} (افتراضي)</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="276"/>
        <source>{key} (default: {default})</source>
        <translation>{key} (الافتراضي: {default})</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="277"/>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="292"/>
        <source>no command chosen</source>
        <translation>لم يُختر أمر</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="294"/>
        <source>The key of {command}</source>
        <translation>مفتاح {command}</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="314"/>
        <source>Cannot read the saved keys: {error}</source>
        <translation>تتعذر قراءة المفاتيح المحفوظة: {error}</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="321"/>
        <source>Choose a command in the list first.</source>
        <translation>اختر أمرًا من القائمة أولًا.</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="327"/>
        <source>Press the new key of {command} in the Key field first.</source>
        <translation>اضغط المفتاح الجديد لـ«{command}» في حقل المفتاح أولًا.</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="333"/>
        <source>{command} is now {key}.</source>
        <translation>صار مفتاح «{command}» الآن {key}.</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="342"/>
        <source>{command} has no key now; it stays in its menu.</source>
        <translation>لم يعد لـ«{command}» مفتاح؛ ويبقى في قائمته.</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="351"/>
        <source>{command} is back on {key}.</source>
        <translation>عاد «{command}» إلى {key}.</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="360"/>
        <source>Every command is back on its default key.</source>
        <translation>عادت كل الأوامر إلى مفاتيحها الافتراضية.</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="372"/>
        <source>Nothing to change.</source>
        <translation>لا شيء لتغييره.</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="381"/>
        <source>Saving…</source>
        <translation>جارٍ الحفظ…</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="384"/>
        <source>Still reading or saving the keys; press again in a moment.</source>
        <translation>ما زالت المفاتيح قيد القراءة أو الحفظ؛ اضغط مجددًا بعد لحظة.</translation>
    </message>
    <message>
        <location filename="../../keys/keys_window.py" line="396"/>
        <source>The keys were not saved; they are as before. {error}</source>
        <translation>لم تُحفظ المفاتيح؛ بقيت كما كانت. {error}</translation>
    </message>
</context>
</TS>
