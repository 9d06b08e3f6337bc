<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AppShell</name>
    <message>
        <location filename="../../desk/shell.py" line="27"/>
        <source>statusdesk (opening the workspace…)</source>
        <translation>statusdesk (جارٍ فتح مساحة العمل…)</translation>
    </message>
    <message>
        <location filename="../../desk/shell.py" line="30"/>
        <source>Another launch asked for this workspace</source>
        <translation>طلب تشغيلٌ آخر مساحةَ العمل هذه</translation>
    </message>
    <message>
        <location filename="../../desk/shell.py" line="40"/>
        <source>Opening the workspace…</source>
        <translation>جارٍ فتح مساحة العمل…</translation>
    </message>
</context>
<context>
    <name>DeskTools</name>
    <message>
        <location filename="../../desk/desk_tools.py" line="141"/>
        <source>Keyboard shortcuts saved; the new keys work now.</source>
        <translation>حُفظت اختصارات لوحة المفاتيح؛ المفاتيح الجديدة تعمل الآن.</translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="152"/>
        <source>No incident to export: choose one in the list first (Ctrl+0).</source>
        <translation>لا توجد حادثة للتصدير: اختر واحدة من القائمة أولًا (Ctrl+0).</translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="157"/>
        <source>Timeline exported to {path}</source>
        <translation>صُدِّر الخط الزمني إلى {path}</translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="173"/>
        <source>Direction controls fixed in the English and Arabic text</source>
        <translation>أُصلحت علامات الاتجاه في النصين الإنجليزي والعربي</translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="175"/>
        <source>Direction controls fixed in the English text</source>
        <translation>أُصلحت علامات الاتجاه في النص الإنجليزي</translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="177"/>
        <source>Direction controls fixed in the Arabic text</source>
        <translation>أُصلحت علامات الاتجاه في النص العربي</translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="178"/>
        <source> (Ctrl+Z undoes it).</source>
        <translation> (Ctrl+Z للتراجع).</translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="181"/>
        <source>No direction control to fix: every one is closed where it should be.</source>
        <translation>لا توجد علامة اتجاه تحتاج إلى إصلاح: كل علامة مغلقة في موضعها.</translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="251"/>
        <source>Tick or untick {channel} for this update</source>
        <translation>اختيار القناة {channel} لهذا التحديث أو إلغاؤه</translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="262"/>
        <source>That incident is no longer in the list.</source>
        <translation>لم تعد هذه الحادثة في القائمة.</translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="292"/>
        <source>Templates could not be read: {error}</source>
        <translation>تعذّرت قراءة القوالب: {error}</translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="312"/>
        <source>The template could not be filled: {error}</source>
        <translation>تعذّر ملء القالب: {error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk/desk_tools.py" line="337"/>
        <source>Template {name} inserted; %n placeholder(s) still to fill in (listed under the editors).</source>
        <translation>
            <numerusform>أُدرج القالب {name}؛ لم يبقَ عنصر نائب للملء.</numerusform>
            <numerusform>أُدرج القالب {name}؛ بقي عنصر نائب واحد للملء (مذكور تحت المحررين).</numerusform>
            <numerusform>أُدرج القالب {name}؛ بقي عنصران نائبان للملء (مذكوران تحت المحررين).</numerusform>
            <numerusform>أُدرج القالب {name}؛ بقيت %n عناصر نائبة للملء (مذكورة تحت المحررين).</numerusform>
            <numerusform>أُدرج القالب {name}؛ بقي %n عنصرًا نائبًا للملء (مذكورة تحت المحررين).</numerusform>
            <numerusform>أُدرج القالب {name}؛ بقي %n عنصر نائب للملء (مذكورة تحت المحررين).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk/desk_tools.py" line="346"/>
        <source>Template {name} inserted in English and Arabic.</source>
        <translation>أُدرج القالب {name} بالإنجليزية والعربية.</translation>
    </message>
</context>
<context>
    <name>DeskTray</name>
    <message>
        <location filename="../../desk/tray.py" line="62"/>
        <source>statusdesk: 1 delivery needs you (failed or undecided)</source>
        <translation>statusdesk: إرسال واحد يحتاج إليك (فشل أو لم يُحسم)</translation>
    </message>
    <message>
        <location filename="../../desk/tray.py" line="69"/>
        <source>statusdesk: %n deliveries need you (failed or undecided)</source>
        <translation>statusdesk: عمليات إرسال تحتاج إليك (فشلت أو لم تُحسم): %n</translation>
    </message>
    <message>
        <location filename="../../desk/tray.py" line="80"/>
        <source>statusdesk: an update is overdue on {incidents}</source>
        <translation>statusdesk: تأخر تحديث موعود في {incidents}</translation>
    </message>
    <message>
        <location filename="../../desk/tray.py" line="86"/>
        <source>statusdesk: all clear — every promise kept</source>
        <translation>statusdesk: كل شيء على ما يرام — الوعود كلها محفوظة</translation>
    </message>
    <message>
        <location filename="../../desk/tray.py" line="130"/>
        <source>Show statusdesk</source>
        <translation>إظهار statusdesk</translation>
    </message>
    <message>
        <location filename="../../desk/tray.py" line="131"/>
        <source>Command palette…</source>
        <translation>لوحة الأوامر…</translation>
    </message>
    <message>
        <location filename="../../desk/tray.py" line="132"/>
        <location filename="../../desk/tray.py" line="177"/>
        <source>Last incident</source>
        <translation>آخر حادثة</translation>
    </message>
    <message>
        <location filename="../../desk/tray.py" line="135"/>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <location filename="../../desk/tray.py" line="182"/>
        <source>Last incident: #{id} {title}</source>
        <translation>آخر حادثة: #{id} {title}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk/main_window.py" line="86"/>
        <source>statusdesk — {workspace}</source>
        <translation>statusdesk — {workspace}</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="196"/>
        <source>Incidents — active first</source>
        <translation>الحوادث — النشطة أولًا</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="227"/>
        <source>Workspace: {workspace}</source>
        <translation>مساحة العمل: {workspace}</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="322"/>
        <source>New incident: Arabic title, Tab, English title, then the update; {key}</source>
        <translation>حادثة جديدة: العنوان العربي، ثم Tab، ثم العنوان الإنجليزي، ثم التحديث؛ {key}</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="322"/>
        <source>New incident: English title, Tab, Arabic title, then the update; {key}</source>
        <translation>حادثة جديدة: العنوان الإنجليزي، ثم Tab، ثم العنوان العربي، ثم التحديث؛ {key}</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="331"/>
        <source>Opened incident #{id}</source>
        <translation>فُتحت الحادثة #{id}</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="333"/>
        <source>Update on #{id}</source>
        <translation>تحديث على #{id}</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="342"/>
        <source> (your newer edits stay in the composer)</source>
        <translation> (تعديلاتك الأحدث باقية في المحرر)</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="433"/>
        <source>statusdesk — unpublished draft</source>
        <translation>statusdesk — مسودة غير منشورة</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="436"/>
        <source>A draft has not been published. It is kept in the workspace and comes back the next time you open it — or you can throw it away now.</source>
        <translation>هناك مسودة لم تُنشر. ستبقى محفوظة في مساحة العمل وتعود في المرة القادمة التي تفتحها فيها — أو يمكنك التخلص منها الآن.</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="440"/>
        <source>&amp;Quit, keep it</source>
        <translation>&amp;إنهاء مع الاحتفاظ بها</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="442"/>
        <source>&amp;Discard and quit</source>
        <translation>&amp;تجاهلها والإنهاء</translation>
    </message>
    <message>
        <location filename="../../desk/main_window.py" line="444"/>
        <source>&amp;Keep editing</source>
        <translation>&amp;متابعة التحرير</translation>
    </message>
</context>
<context>
    <name>PresenceWatch</name>
    <message>
        <location filename="../../desk/presence.py" line="1"/>
        <source>Also here: {people}</source>
        <translation>هنا أيضًا: {people}</translation>
    </message>
    <message>
        <location filename="../../desk/presence.py" line="1"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../desk/presence.py" line="1"/>
        <source>another desk</source>
        <translation>مكتبٌ آخر</translation>
    </message>
    <message>
        <location filename="../../desk/presence.py" line="1"/>
        <source>⚠ {names} is writing the Arabic too: agree who writes it.</source>
        <translation>⚠ يكتب {names} النصّ العربي أيضًا: اتفقا على من يكتبه.</translation>
    </message>
    <message>
        <location filename="../../desk/presence.py" line="1"/>
        <source>⚠ {names} is writing the English too: agree who writes it.</source>
        <translation>⚠ يكتب {names} النصّ الإنجليزي أيضًا: اتفقا على من يكتبه.</translation>
    </message>
    <message>
        <location filename="../../desk/presence.py" line="1"/>
        <source>{name} (editing Arabic)</source>
        <translation>{name} (يحرّر العربية)</translation>
    </message>
    <message>
        <location filename="../../desk/presence.py" line="1"/>
        <source>{name} (editing English)</source>
        <translation>{name} (يحرّر الإنجليزية)</translation>
    </message>
</context>
</TS>
