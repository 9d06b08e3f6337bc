<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
    <context>
        <name>ChannelTicks</name>
        <message>
            <location filename="../../compose/composer_parts.py" line="100" />
            <source>English</source>
            <translation>الإنجليزية</translation>
        </message>
        <message>
            <location filename="../../compose/composer_parts.py" line="101" />
            <source>Arabic</source>
            <translation>العربية</translation>
        </message>
        <message>
            <location filename="../../compose/composer_parts.py" line="102" />
            <source>English and Arabic</source>
            <translation>الإنجليزية والعربية</translation>
        </message>
        <message>
            <location filename="../../compose/composer_parts.py" line="116" />
            <source>Publish to</source>
            <translation>النشر إلى</translation>
        </message>
        <message>
            <location filename="../../compose/composer_parts.py" line="130" />
            <source>{name} (disabled)</source>
            <translation>{name} (معطّلة)</translation>
        </message>
        <message>
            <location filename="../../compose/composer_parts.py" line="136" />
            <source>{kind} · language {language}</source>
            <translation>{kind} · اللغة {language}</translation>
        </message>
    </context>
    <context>
        <name>ComponentRow</name>
        <message>
            <location filename="../../compose/components_editor.py" line="41" />
            <source>Component (e.g. API)</source>
            <translation>المكوّن (مثل API)</translation>
        </message>
        <message>
            <location filename="../../compose/components_editor.py" line="43" />
            <source>Affected component</source>
            <translation>المكوّن المتأثر</translation>
        </message>
        <message>
            <location filename="../../compose/components_editor.py" line="53" />
            <source>Remove this component from the update</source>
            <translation>إزالة هذا المكوّن من التحديث</translation>
        </message>
        <message>
            <location filename="../../compose/components_editor.py" line="82" />
            <source>the new component</source>
            <translation>المكوّن الجديد</translation>
        </message>
        <message>
            <location filename="../../compose/components_editor.py" line="83" />
            <source>Status of {name}</source>
            <translation>حالة {name}</translation>
        </message>
        <message>
            <location filename="../../compose/components_editor.py" line="84" />
            <source>How {name} is affected</source>
            <translation>كيف تأثّر {name}</translation>
        </message>
        <message>
            <location filename="../../compose/components_editor.py" line="85" />
            <source>Remove {name} from the update</source>
            <translation>إزالة {name} من التحديث</translation>
        </message>
    </context>
    <context>
        <name>ComponentsEditor</name>
        <message>
            <location filename="../../compose/components_editor.py" line="104" />
            <source>+ Affected component</source>
            <translation>+ مكوّن متأثر</translation>
        </message>
    </context>
    <context>
        <name>ComposerStatus</name>
        <message>
            <location filename="../../compose/composer_status.py" line="19" />
            <source>Publish  (Ctrl+Return)</source>
            <translation>نشر  (Ctrl+Return)</translation>
        </message>
        <message>
            <location filename="../../compose/composer_status.py" line="49" />
            <source>New incident: titles, then the first update</source>
            <translation>عطل جديد: العنوانان، ثم التحديث الأول</translation>
        </message>
        <message>
            <location filename="../../compose/composer_status.py" line="57" />
            <source>Update on #{id}: {titles}</source>
            <translation>تحديث على #{id}: {titles}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../compose/composer_status.py" line="77" />
            <source>Ready to publish to %n channel(s).</source>
            <translation>
                <numerusform>لا قناة للنشر إليها.</numerusform>
                <numerusform>جاهز للنشر إلى قناة واحدة.</numerusform>
                <numerusform>جاهز للنشر إلى قناتين.</numerusform>
                <numerusform>جاهز للنشر إلى %n قنوات.</numerusform>
                <numerusform>جاهز للنشر إلى %n قناة.</numerusform>
                <numerusform>جاهز للنشر إلى %n قناة.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../compose/composer_status.py" line="83" />
            <source>Ready to publish to {channels} — left out: {left_out} (publishing asks why).</source>
            <translation>جاهز للنشر إلى {channels} — مستبعدة: {left_out} (سيُسأل عن السبب عند النشر).</translation>
        </message>
        <message>
            <location filename="../../compose/composer_status.py" line="87" />
            <source>no channel</source>
            <translation>لا قناة</translation>
        </message>
        <message>
            <location filename="../../compose/composer_status.py" line="96" />
            <source>Publishing…</source>
            <translation>جارٍ النشر…</translation>
        </message>
    </context>
    <context>
        <name>ConflictPrompt</name>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>the new incident's draft</source>
            <translation>مسودة العطل الجديد</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>the draft of the update on #{id}</source>
            <translation>مسودة التحديث على #{id}</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>statusdesk — saved on another desk</source>
            <translation>statusdesk — حُفظت على مكتب آخر</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>Another desk published or threw away {what} while you were writing it. Your text is still here and was not saved over anything.</source>
            <translation>نشر مكتبٌ آخر {what} أو تخلّص منها بينما كنت تكتبها. نصّك ما زال هنا، ولم يُحفظ فوق أي شيء.</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>Another desk</source>
            <translation>مكتبٌ آخر</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>{who} saved {what} at {when} while you were writing it. Nothing was overwritten: choose what the draft keeps.</source>
            <translation>حفظ {who} {what} في {when} بينما كنت تكتبها. لم يُكتب شيء فوق شيء: اختر ما تحتفظ به المسودة.</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>Their text: {text}</source>
            <translation>نصّهم: {text}</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>Keep &amp;mine</source>
            <translation>أبقِ &amp;نصّي</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>Take &amp;theirs</source>
            <translation>خذ &amp;نصّهم</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>Keep &amp;both</source>
            <translation>أبقِ النصّين &amp;كليهما</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>&amp;Later</source>
            <translation>&amp;لاحقًا</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>Your text was saved over the other desk's.</source>
            <translation>حُفظ نصّك فوق نصّ المكتب الآخر.</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>Their text is in the composer; yours is on the clipboard.</source>
            <translation>نصّهم في المحرّر، ونصّك في الحافظة.</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>Both texts are in the composer, theirs below yours.</source>
            <translation>النصّان كلاهما في المحرّر، ونصّهم تحت نصّك.</translation>
        </message>
        <message>
            <location filename="../../compose/draft_conflict.py" line="1"/>
            <source>Your draft is not saved: another desk saved it too. You are asked again at your next pause.</source>
            <translation>لم تُحفظ مسودتك: حفظها مكتبٌ آخر أيضًا. ستُسأل مرة أخرى عند توقفك التالي عن الكتابة.</translation>
        </message>
    </context>
    <context>
        <name>DraftFields</name>
        <message>
            <location filename="../../compose/draft_fields.py" line="37" />
            <source>Incident</source>
            <translation>عطل</translation>
        </message>
        <message>
            <location filename="../../compose/draft_fields.py" line="38" />
            <source>Maintenance</source>
            <translation>صيانة</translation>
        </message>
        <message>
            <location filename="../../compose/draft_fields.py" line="63" />
            <source>Kind of the new incident</source>
            <translation>نوع العطل الجديد</translation>
        </message>
        <message>
            <location filename="../../compose/draft_fields.py" line="65" />
            <source>Incident or planned maintenance</source>
            <translation>عطل أو صيانة مجدولة</translation>
        </message>
        <message>
            <location filename="../../compose/draft_fields.py" line="81" />
            <source>English</source>
            <translation>الإنجليزية</translation>
        </message>
        <message>
            <location filename="../../compose/draft_fields.py" line="105" />
            <location filename="../../compose/draft_fields.py" line="107" />
            <source>State</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <location filename="../../compose/draft_fields.py" line="106" />
            <location filename="../../compose/draft_fields.py" line="108" />
            <source>Impact</source>
            <translation>الأثر</translation>
        </message>
    </context>
    <context>
        <name>DraftKeeper</name>
        <message>
            <location filename="../../compose/drafts.py" line="1" />
            <source>{who} saved this draft on another desk; it is shown as they left it.</source>
            <translation>حفظ {who} هذه المسودة على مكتب آخر؛ وهي معروضة كما تركها.</translation>
        </message>
        <message>
            <location filename="../../compose/drafts.py" line="1" />
            <source>Someone</source>
            <translation>أحدهم</translation>
        </message>
        <message>
            <location filename="../../compose/drafts.py" line="152" />
            <source>Your draft could not be saved to the workspace ({error}); it is still in the editor — keep the window open.</source>
            <translation>تعذّر حفظ مسودتك في مساحة العمل ({error})؛ ما زالت في المحرر — أبقِ النافذة مفتوحة.</translation>
        </message>
        <message>
            <location filename="../../compose/drafts.py" line="178" />
            <source>a new incident's (Ctrl+N)</source>
            <translation>مسودة عطل جديد (Ctrl+N)</translation>
        </message>
        <message>
            <location filename="../../compose/drafts.py" line="180" />
            <source>the update on #{id}</source>
            <translation>التحديث على #{id}</translation>
        </message>
        <message>
            <location filename="../../compose/drafts.py" line="185" />
            <source>Restored your unpublished draft ({what}), as last saved at {when}: nothing of it was published.</source>
            <translation>استُعيدت مسودتك غير المنشورة ({what}) كما حُفظت آخر مرة في {when}: لم يُنشر منها شيء.</translation>
        </message>
        <message>
            <location filename="../../compose/drafts.py" line="188" />
            <source>{some} and {last}</source>
            <translation>{some} و{last}</translation>
        </message>
        <message>
            <location filename="../../compose/drafts.py" line="190" />
            <source>Restored your unpublished drafts ({what}), as last saved at {when}: nothing of it was published.</source>
            <translation>استُعيدت مسوداتك غير المنشورة ({what}) كما حُفظت آخر مرة في {when}: لم يُنشر منها شيء.</translation>
        </message>
    </context>
    <context>
        <name>LeaveOutReasonPopup</name>
        <message>
            <location filename="../../compose/audience.py" line="30" />
            <source>{some} and {last}</source>
            <translation>{some} و{last}</translation>
        </message>
        <message>
            <location filename="../../compose/audience.py" line="53" />
            <source>some enabled channels</source>
            <translation>بعض القنوات المفعّلة</translation>
        </message>
        <message>
            <location filename="../../compose/audience.py" line="56" />
            <source>no channel</source>
            <translation>لا قناة</translation>
        </message>
        <message>
            <location filename="../../compose/audience.py" line="58" />
            <source>This update goes to {chosen} only: {names} is enabled and would say nothing. Leaving it out is a decision: say why. The reason is recorded as a skipped delivery for each and shown in the timeline; Esc goes back to the draft.</source>
            <translation>يذهب هذا التحديث إلى {chosen} فقط: {names} مفعّلة ولن تقول شيئًا. استبعادها قرار، فاذكر السبب. يُسجَّل السبب إرسالًا متخطّى لكل منها ويظهر في السجل الزمني؛ Esc يعيدك إلى المسودة.</translation>
        </message>
        <message>
            <location filename="../../compose/audience.py" line="65" />
            <source>This update goes to {chosen} only: {names} are enabled and would say nothing. Leaving them out is a decision: say why. The reason is recorded as a skipped delivery for each and shown in the timeline; Esc goes back to the draft.</source>
            <translation>يذهب هذا التحديث إلى {chosen} فقط: {names} مفعّلة ولن تقول شيئًا. استبعادها قرار، فاذكر السبب. يُسجَّل السبب إرسالًا متخطّى لكل منها ويظهر في السجل الزمني؛ Esc يعيدك إلى المسودة.</translation>
        </message>
        <message>
            <location filename="../../compose/audience.py" line="72" />
            <source>Schedule without {names}</source>
            <translation>الجدولة دون {names}</translation>
        </message>
        <message>
            <location filename="../../compose/audience.py" line="74" />
            <source>Publish without {names}</source>
            <translation>النشر دون {names}</translation>
        </message>
        <message>
            <location filename="../../compose/audience.py" line="77" />
            <source>leave out {names}?</source>
            <translation>استبعاد {names}؟</translation>
        </message>
        <message>
            <location filename="../../compose/audience.py" line="80" />
            <source>e.g. X is read-only during the migration; posted by hand</source>
            <translation>مثلًا: X للقراءة فقط أثناء الترحيل؛ نُشر يدويًا</translation>
        </message>
        <message>
            <location filename="../../compose/audience.py" line="83" />
            <source>Reason for leaving out {names}</source>
            <translation>سبب استبعاد {names}</translation>
        </message>
        <message>
            <location filename="../../compose/audience.py" line="87" />
            <source>Back to the draft</source>
            <translation>العودة إلى المسودة</translation>
        </message>
        <message>
            <location filename="../../compose/audience.py" line="88" />
            <source>A reason is needed: it is what the timeline will show for the silence of {names}. Esc goes back to the draft.</source>
            <translation>السبب مطلوب: هو ما سيعرضه السجل الزمني عن صمت {names}. Esc يعيدك إلى المسودة.</translation>
        </message>
    </context>
    <context>
        <name>PreviewPages</name>
        <message>
            <location filename="../../compose/preview_pages.py" line="117" />
            <source>counting…</source>
            <translation>جارٍ العدّ…</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="120" />
            <source>counting</source>
            <translation>جارٍ العدّ</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="122" />
            <source>empty</source>
            <translation>فارغ</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="135" />
            <source>{weight} of {limit}</source>
            <translation>{weight} من {limit}</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="202" />
            <source>Preview for {name}</source>
            <translation>معاينة {name}</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="224" />
            <source>{name} cannot render: {text}</source>
            <translation>تعذّر على {name} إنشاء المعاينة: {text}</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="273" />
            <source>Message {number} of {total}</source>
            <translation>الرسالة {number} من {total}</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="275" />
            <source>Post {number} of {total}</source>
            <translation>المنشور {number} من {total}</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="295" />
            <location filename="../../compose/preview_pages.py" line="493" />
            <source>Custom post for {channel}</source>
            <translation>منشور مخصّص لـ {channel}</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="298" />
            <source>Empty: {channel} posts what the update says. Text here replaces it on {channel} for this update.</source>
            <translation>فارغ: تنشر {channel} نص التحديث. النص هنا يحلّ محلّه على {channel} في هذا التحديث.</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="321" />
            <source>Which copy of the {name} email</source>
            <translation>أي نسخة من بريد {name}</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="323" />
            <source>Copy for</source>
            <translation>نسخة لـ</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="329" />
            <source>To</source>
            <translation>إلى</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="331" />
            <location filename="../../compose/preview_pages.py" line="332" />
            <source>Subject</source>
            <translation>الموضوع</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="337" />
            <source>The {name} email as HTML</source>
            <translation>بريد {name} بصيغة HTML</translation>
        </message>
        <message numerus="yes">
            <location filename="../../compose/preview_pages.py" line="360" />
            <source>%n recipient(s)</source>
            <translation>
                <numerusform>لا مستلمين</numerusform>
                <numerusform>مستلم واحد</numerusform>
                <numerusform>مستلمان</numerusform>
                <numerusform>%n مستلمين</numerusform>
                <numerusform>%n مستلمًا</numerusform>
                <numerusform>%n مستلم</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="362" />
            <source>nobody yet (no subscribers, no recipients setting)</source>
            <translation>لا أحد بعد (لا مشتركين، ولا إعداد للمستلمين)</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="388" />
            <source>The incident update body on Statuspage</source>
            <translation>نص تحديث العطل على Statuspage</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="389" />
            <source>The JSON body of the POST</source>
            <translation>نص JSON في طلب POST</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="398" />
            <source>What {name} sends</source>
            <translation>ما ترسله {name}</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="437" />
            <source>Messages on {name}</source>
            <translation>الرسائل على {name}</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="439" />
            <source>Posts on {name}</source>
            <translation>المنشورات على {name}</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="500" />
            <source>more than one post</source>
            <translation>أكثر من منشور واحد</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="546" />
            <source>The update on the status page</source>
            <translation>التحديث على صفحة الحالة</translation>
        </message>
        <message>
            <location filename="../../compose/preview_pages.py" line="551" />
            <source>The update on {name}</source>
            <translation>التحديث على {name}</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="14" />
            <source>near the limit</source>
            <translation>قريب من الحد</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="15" />
            <source>over the limit</source>
            <translation>يتجاوز الحد</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="18" />
            <source>English readers</source>
            <translation>قرّاء الإنجليزية</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="19" />
            <source>Arabic readers</source>
            <translation>قرّاء العربية</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="20" />
            <source>English and Arabic readers</source>
            <translation>قرّاء الإنجليزية والعربية</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="23" />
            <source>weighted characters</source>
            <translation>حرفًا موزونًا</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="24" />
            <source>characters</source>
            <translation>حرفًا</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="25" />
            <source>graphemes</source>
            <translation>حرفًا مرئيًا</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="28" />
            <source>Post</source>
            <translation>منشور</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="29" />
            <source>Message</source>
            <translation>رسالة</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="38" />
            <source>One message from the custom post.</source>
            <translation>رسالة واحدة من المنشور المخصّص.</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="39" />
            <source>One post from the custom post.</source>
            <translation>منشور واحد من المنشور المخصّص.</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="42" />
            <source>One message.</source>
            <translation>رسالة واحدة.</translation>
        </message>
        <message>
            <location filename="../../compose/preview_words.py" line="43" />
            <source>One post.</source>
            <translation>منشور واحد.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../compose/preview_words.py" line="46" />
            <source>A thread of %n messages from the custom post.</source>
            <translation>
                <numerusform>سلسلة بلا رسائل من المنشور المخصّص.</numerusform>
                <numerusform>سلسلة من رسالة واحدة من المنشور المخصّص.</numerusform>
                <numerusform>سلسلة من رسالتين من المنشور المخصّص.</numerusform>
                <numerusform>سلسلة من %n رسائل من المنشور المخصّص.</numerusform>
                <numerusform>سلسلة من %n رسالة من المنشور المخصّص.</numerusform>
                <numerusform>سلسلة من %n رسالة من المنشور المخصّص.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../compose/preview_words.py" line="50" />
            <source>A thread of %n posts from the custom post.</source>
            <translation>
                <numerusform>سلسلة بلا منشورات من المنشور المخصّص.</numerusform>
                <numerusform>سلسلة من منشور واحد من المنشور المخصّص.</numerusform>
                <numerusform>سلسلة من منشورين من المنشور المخصّص.</numerusform>
                <numerusform>سلسلة من %n منشورات من المنشور المخصّص.</numerusform>
                <numerusform>سلسلة من %n منشورًا من المنشور المخصّص.</numerusform>
                <numerusform>سلسلة من %n منشور من المنشور المخصّص.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../compose/preview_words.py" line="54" />
            <source>A thread of %n messages.</source>
            <translation>
                <numerusform>سلسلة بلا رسائل.</numerusform>
                <numerusform>سلسلة من رسالة واحدة.</numerusform>
                <numerusform>سلسلة من رسالتين.</numerusform>
                <numerusform>سلسلة من %n رسائل.</numerusform>
                <numerusform>سلسلة من %n رسالة.</numerusform>
                <numerusform>سلسلة من %n رسالة.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../compose/preview_words.py" line="56" />
            <source>A thread of %n posts.</source>
            <translation>
                <numerusform>سلسلة بلا منشورات.</numerusform>
                <numerusform>سلسلة من منشور واحد.</numerusform>
                <numerusform>سلسلة من منشورين.</numerusform>
                <numerusform>سلسلة من %n منشورات.</numerusform>
                <numerusform>سلسلة من %n منشورًا.</numerusform>
                <numerusform>سلسلة من %n منشور.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PreviewPanel</name>
        <message>
            <location filename="../../compose/preview.py" line="39" />
            <location filename="../../compose/preview.py" line="63" />
            <location filename="../../compose/preview.py" line="67" />
            <source>Channel previews</source>
            <translation>معاينات القنوات</translation>
        </message>
        <message>
            <location filename="../../compose/preview.py" line="42" />
            <source>Preview: what each channel sends</source>
            <translation>المعاينة: ما ترسله كل قناة</translation>
        </message>
        <message>
            <location filename="../../compose/preview.py" line="55" />
            <source>No channel is ticked: nothing would be sent.</source>
            <translation>لم تُحدَّد أي قناة: لن يُرسل شيء.</translation>
        </message>
        <message>
            <location filename="../../compose/preview.py" line="163" />
            <source>Updating…</source>
            <translation>جارٍ التحديث…</translation>
        </message>
    </context>
    <context>
        <name>PublishFlow</name>
        <message>
            <location filename="../../compose/publish_flow.py" line="114" />
            <source>Could not check the draft: {error}</source>
            <translation>تعذّر فحص المسودة: {error}</translation>
        </message>
        <message>
            <location filename="../../compose/publish_flow.py" line="132" />
            <source>Could not render the preview: {error}</source>
            <translation>تعذّر إنشاء المعاينة: {error}</translation>
        </message>
        <message>
            <location filename="../../compose/publish_flow.py" line="144" />
            <source>Still publishing the previous update…</source>
            <translation>ما زال التحديث السابق قيد النشر…</translation>
        </message>
        <message>
            <location filename="../../compose/publish_flow.py" line="157" />
            <location filename="../../compose/publish_flow.py" line="264" />
            <source>Not published: the draft is as you left it.</source>
            <translation>لم يُنشر: المسودة كما تركتها.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../compose/publish_flow.py" line="189" />
            <source>Scheduling for %n channel(s)…</source>
            <translation>
                <numerusform>جارٍ الجدولة دون قنوات…</numerusform>
                <numerusform>جارٍ الجدولة لقناة واحدة…</numerusform>
                <numerusform>جارٍ الجدولة لقناتين…</numerusform>
                <numerusform>جارٍ الجدولة لـ %n قنوات…</numerusform>
                <numerusform>جارٍ الجدولة لـ %n قناة…</numerusform>
                <numerusform>جارٍ الجدولة لـ %n قناة…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../compose/publish_flow.py" line="191" />
            <source>Publishing to %n channel(s)…</source>
            <translation>
                <numerusform>جارٍ النشر دون قنوات…</numerusform>
                <numerusform>جارٍ النشر إلى قناة واحدة…</numerusform>
                <numerusform>جارٍ النشر إلى قناتين…</numerusform>
                <numerusform>جارٍ النشر إلى %n قنوات…</numerusform>
                <numerusform>جارٍ النشر إلى %n قناة…</numerusform>
                <numerusform>جارٍ النشر إلى %n قناة…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../compose/publish_flow.py" line="230" />
            <source>Internal error ({kind}: {error})</source>
            <translation>خطأ داخلي ({kind}: {error})</translation>
        </message>
        <message>
            <location filename="../../compose/publish_flow.py" line="238" />
            <source>Not scheduled — {problem} The draft is kept.</source>
            <translation>لم يُجدول — {problem} المسودة محفوظة.</translation>
        </message>
        <message>
            <location filename="../../compose/publish_flow.py" line="240" />
            <source>Not published — {problem} The draft is kept.</source>
            <translation>لم يُنشر — {problem} المسودة محفوظة.</translation>
        </message>
    </context>
    <context>
        <name>PublishGuard</name>
        <message>
            <location filename="../../compose/publish_guard.py" line="53" />
            <source>The English and Arabic texts disagree in one place. Publish anyway?</source>
            <translation>يختلف النصان الإنجليزي والعربي في موضع واحد. أتنشر رغم ذلك؟</translation>
        </message>
        <message numerus="yes">
            <location filename="../../compose/publish_guard.py" line="57" />
            <source>The English and Arabic texts disagree in %n places. Publish anyway?</source>
            <translation>
                <numerusform>لا يختلف النصان. أتنشر؟</numerusform>
                <numerusform>يختلف النصان الإنجليزي والعربي في موضع واحد. أتنشر رغم ذلك؟</numerusform>
                <numerusform>يختلف النصان الإنجليزي والعربي في موضعين. أتنشر رغم ذلك؟</numerusform>
                <numerusform>يختلف النصان الإنجليزي والعربي في %n مواضع. أتنشر رغم ذلك؟</numerusform>
                <numerusform>يختلف النصان الإنجليزي والعربي في %n موضعًا. أتنشر رغم ذلك؟</numerusform>
                <numerusform>يختلف النصان الإنجليزي والعربي في %n موضع. أتنشر رغم ذلك؟</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../compose/publish_guard.py" line="126" />
            <source>the two languages disagree</source>
            <translation>اللغتان مختلفتان</translation>
        </message>
        <message>
            <location filename="../../compose/publish_guard.py" line="129" />
            <source>&amp;Publish anyway</source>
            <translation>ا&amp;نشر رغم ذلك</translation>
        </message>
        <message>
            <location filename="../../compose/publish_guard.py" line="130" />
            <source>&amp;Back to the draft</source>
            <translation>&amp;عودة إلى المسودة</translation>
        </message>
    </context>
</TS>
