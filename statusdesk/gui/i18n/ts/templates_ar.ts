<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>TemplateEdits</name>
    <message>
        <location filename="../../templates/template_edits.py" line="25"/>
        <source>default</source>
        <translation>افتراضي</translation>
    </message>
    <message>
        <location filename="../../templates/template_edits.py" line="26"/>
        <source>customised</source>
        <translation>مخصَّص</translation>
    </message>
    <message>
        <location filename="../../templates/template_edits.py" line="27"/>
        <source>workspace</source>
        <translation>مساحة العمل</translation>
    </message>
    <message>
        <location filename="../../templates/template_edits.py" line="80"/>
        <source>the new template</source>
        <translation>القالب الجديد</translation>
    </message>
    <message>
        <location filename="../../templates/template_edits.py" line="85"/>
        <source>(new template)</source>
        <translation>(قالب جديد)</translation>
    </message>
    <message>
        <location filename="../../templates/template_edits.py" line="86"/>
        <source>new, not saved</source>
        <translation>جديد، لم يُحفظ</translation>
    </message>
    <message>
        <location filename="../../templates/template_edits.py" line="92"/>
        <source>{origin}, edited</source>
        <translation>{origin}، معدَّل</translation>
    </message>
</context>
<context>
    <name>TemplateForm</name>
    <message>
        <location filename="../../templates/template_form.py" line="43"/>
        <source>the incident&apos;s title</source>
        <translation>عنوان الحادثة</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="44"/>
        <source>the affected components</source>
        <translation>المكونات المتأثرة</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="45"/>
        <source>the ETA given when composing</source>
        <translation>الوقت المتوقع للحل المحدد عند الكتابة</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="46"/>
        <source>when the next update is due</source>
        <translation>موعد التحديث التالي</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="47"/>
        <source>the incident&apos;s page on the status page</source>
        <translation>صفحة الحادثة على صفحة الحالة</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="48"/>
        <source>when it began</source>
        <translation>وقت بدئها</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="49"/>
        <source>when the maintenance window opens</source>
        <translation>وقت بدء نافذة الصيانة</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="50"/>
        <source>when the maintenance window closes</source>
        <translation>وقت انتهاء نافذة الصيانة</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="54"/>
        <source>English text, e.g. We are investigating {service}. Next update by {next_update}.</source>
        <translation>النص الإنجليزي، مثل: We are investigating {service}. Next update by {next_update}.</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="58"/>
        <source>Arabic text, e.g. نحقق في {service}. التحديث التالي بحلول {next_update}.</source>
        <translation>النص العربي، مثل: نحقق في {service}. التحديث التالي بحلول {next_update}.</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="101"/>
        <source>Template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="110"/>
        <source>lower-case letters, digits, - or _ (e.g. db-failover)</source>
        <translation>حروف لاتينية صغيرة وأرقام و- أو _ (مثل db-failover)</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="112"/>
        <source>Na&amp;me:</source>
        <translation>الا&amp;سم:</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="112"/>
        <source>Template name</source>
        <translation>اسم القالب</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="117"/>
        <source>&amp;Kind:</source>
        <translation>ال&amp;نوع:</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="117"/>
        <source>Template kind</source>
        <translation>نوع القالب</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="120"/>
        <source>S&amp;tate:</source>
        <translation>ال&amp;حالة:</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="120"/>
        <source>Template state</source>
        <translation>حالة القالب</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="121"/>
        <location filename="../../templates/template_form.py" line="122"/>
        <source>English template text</source>
        <translation>نص القالب بالإنجليزية</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="122"/>
        <source>&amp;English:</source>
        <translation>الإن&amp;جليزية:</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="123"/>
        <location filename="../../templates/template_form.py" line="124"/>
        <source>Arabic template text</source>
        <translation>نص القالب بالعربية</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="124"/>
        <source>&amp;Arabic:</source>
        <translation>الع&amp;ربية:</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="151"/>
        <source>Placeholders, filled per language when the template is used: {names}. Write {{{{ and }}}} for a literal brace.</source>
        <translation>العناصر النائبة، وتُملأ لكل لغة عند استخدام القالب: {names}. اكتب {{{{ و}}}} للحصول على قوس معقوص حرفي.</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="171"/>
        <source>&amp;Placeholder:</source>
        <translation>العنصر ال&amp;نائب:</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="173"/>
        <source>Placeholder to insert</source>
        <translation>العنصر النائب المراد إدراجه</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="175"/>
        <source>Enter or Insert puts it at the cursor of the text last edited</source>
        <translation>مفتاح Enter أو Insert يضعه عند المؤشر في آخر نص حُرِّر</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="177"/>
        <source>&amp;Insert at cursor</source>
        <translation>أ&amp;درج عند المؤشر</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="239"/>
        <source>Template: {name}</source>
        <translation>القالب: {name}</translation>
    </message>
    <message>
        <location filename="../../templates/template_form.py" line="241"/>
        <source>New template</source>
        <translation>قالب جديد</translation>
    </message>
</context>
<context>
    <name>TemplateList</name>
    <message>
        <location filename="../../templates/template_list.py" line="17"/>
        <source>Templates</source>
        <translation>القوالب</translation>
    </message>
    <message>
        <location filename="../../templates/template_list.py" line="19"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../templates/template_list.py" line="19"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../templates/template_list.py" line="19"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../templates/template_list.py" line="19"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
</context>
<context>
    <name>TemplateQuestions</name>
    <message>
        <location filename="../../templates/template_questions.py" line="32"/>
        <source>unsaved templates</source>
        <translation>قوالب غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="33"/>
        <source>Close and lose your unsaved edits to {names}?</source>
        <translation>أتغلق وتفقد تعديلاتك غير المحفوظة على {names}؟</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="35"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="36"/>
        <source>Nothing was saved. Esc or Enter keeps editing; save each one to keep it.</source>
        <translation>لم يُحفظ شيء. مفتاح Esc أو Enter يُبقيك في التحرير؛ احفظ كل قالب لتحتفظ به.</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="40"/>
        <source>&amp;Discard edits and close</source>
        <translation>ت&amp;جاهل التعديلات وأغلق</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="41"/>
        <source>&amp;Keep editing</source>
        <translation>تا&amp;بع التحرير</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="48"/>
        <source>discard the new template</source>
        <translation>تجاهل القالب الجديد</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="49"/>
        <source>Discard {name}? It was never saved.</source>
        <translation>أتتجاهل {name}؟ لم يُحفظ قط.</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="52"/>
        <source>Esc keeps it.</source>
        <translation>مفتاح Esc يُبقيه.</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="53"/>
        <source>&amp;Discard</source>
        <translation>ت&amp;جاهل</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="54"/>
        <location filename="../../templates/template_questions.py" line="75"/>
        <source>&amp;Keep</source>
        <translation>أ&amp;بقِه</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="61"/>
        <source> Your unsaved edits to it are lost too.</source>
        <translation> وتضيع معه تعديلاتك غير المحفوظة عليه.</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="64"/>
        <source>Restore the default {key}?</source>
        <translation>أتستعيد القالب الافتراضي {key}؟</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="65"/>
        <source>This workspace&apos;s text for {key} is deleted; statusdesk&apos;s default is used.</source>
        <translation>يُحذف نص مساحة العمل هذه للقالب {key}، ويُستخدم نص statusdesk الافتراضي.</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="69"/>
        <source>&amp;Restore default</source>
        <translation>ا&amp;ستعد الافتراضي</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="70"/>
        <source>&amp;Keep mine</source>
        <translation>أ&amp;بقِ نصي</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="72"/>
        <source>Delete the template {key}?</source>
        <translation>أتحذف القالب {key}؟</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="73"/>
        <source>It is removed from {store}.</source>
        <translation>يُزال من {store}.</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="74"/>
        <source>&amp;Delete</source>
        <translation>ا&amp;حذف</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="77"/>
        <source>delete a template</source>
        <translation>حذف قالب</translation>
    </message>
    <message>
        <location filename="../../templates/template_questions.py" line="89"/>
        <source>{key} is one of statusdesk&apos;s default templates: it cannot be deleted. Edit it and save to use your own text in this workspace.</source>
        <translation>{key} من قوالب statusdesk الافتراضية فلا يمكن حذفه. حرّره واحفظه لتستخدم نصك في مساحة العمل هذه.</translation>
    </message>
</context>
<context>
    <name>TemplatesWindow</name>
    <message>
        <location filename="../../templates/templates_window.py" line="71"/>
        <source>templates</source>
        <translation>القوالب</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="103"/>
        <source>Temp&amp;lates:</source>
        <translation>ال&amp;قوالب:</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="111"/>
        <source>&amp;New template</source>
        <translation>قالب &amp;جديد</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="120"/>
        <source>&amp;Save</source>
        <translation>&amp;حفظ</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="123"/>
        <source>Save to {path}</source>
        <translation>الحفظ في {path}</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="126"/>
        <location filename="../../templates/templates_window.py" line="254"/>
        <source>&amp;Delete…</source>
        <translation>ا&amp;حذف…</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="226"/>
        <source>Cannot read the templates: {error}</source>
        <translation>تعذّرت قراءة القوالب: {error}</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="253"/>
        <source>&amp;Restore default…</source>
        <translation>ا&amp;ستعد الافتراضي…</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="253"/>
        <source>&amp;Discard new…</source>
        <translation>ت&amp;جاهل الجديد…</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="272"/>
        <source>{name} is as saved; edit it first.</source>
        <translation>{name} كما حُفظ؛ حرّره أولًا.</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="287"/>
        <source>Saving {name}…</source>
        <translation>جارٍ حفظ {name}…</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="287"/>
        <source>the template</source>
        <translation>القالب</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="293"/>
        <source>Saved {name} to {path}.</source>
        <translation>حُفظ {name} في {path}.</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="296"/>
        <source> It replaces the default of that name here; Restore default brings it back.</source>
        <translation> ويحل هنا محل القالب الافتراضي الذي يحمل الاسم نفسه؛ و«استعد الافتراضي» يعيده.</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="299"/>
        <source> {name} is unchanged.</source>
        <translation> ولم يتغير {name}.</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="323"/>
        <source>Could not save {name}: {error}</source>
        <translation>تعذّر حفظ {name}: {error}</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="324"/>
        <source>Could not delete {name}: {error}</source>
        <translation>تعذّر حذف {name}: {error}</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="361"/>
        <source>Deleting {name}…</source>
        <translation>جارٍ حذف {name}…</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="366"/>
        <source>{name} is statusdesk&apos;s default again.</source>
        <translation>عاد {name} إلى نص statusdesk الافتراضي.</translation>
    </message>
    <message>
        <location filename="../../templates/templates_window.py" line="368"/>
        <source>Deleted {name}.</source>
        <translation>حُذف {name}.</translation>
    </message>
</context>
</TS>
