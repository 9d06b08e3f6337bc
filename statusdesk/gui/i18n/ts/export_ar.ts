<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../export/export_dialog.py" line="65"/>
        <source>export timeline</source>
        <translation>تصدير السجل الزمني</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="76"/>
        <source>Export the timeline of incident {id}: {title}</source>
        <translation>تصدير السجل الزمني للحادثة {id}: {title}</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="80"/>
        <source>Export the timeline of incident {id}</source>
        <translation>تصدير السجل الزمني للحادثة {id}</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="90"/>
        <source>Export format</source>
        <translation>صيغة التصدير</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="93"/>
        <source>&amp;Format:</source>
        <translation>ال&amp;صيغة:</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="97"/>
        <source>File to export to</source>
        <translation>الملف المراد التصدير إليه</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="98"/>
        <source>&amp;Choose…</source>
        <translation>ا&amp;ختر…</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="108"/>
        <source>F&amp;ile:</source>
        <translation>ال&amp;ملف:</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="112"/>
        <source>Time zone the export writes times in</source>
        <translation>المنطقة الزمنية التي يكتب بها التصدير الأوقات</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="118"/>
        <source>&amp;Times in:</source>
        <translation>الأ&amp;وقات بتوقيت:</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="125"/>
        <source>Export progress</source>
        <translation>تقدم التصدير</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="127"/>
        <source>Choose a format and a file, then Export (Enter).</source>
        <translation>اختر صيغة وملفًا، ثم «صدّر» (مفتاح Enter).</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="135"/>
        <source>&amp;Export</source>
        <translation>&amp;صدّر</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="138"/>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="187"/>
        <source>Export the timeline to</source>
        <translation>تصدير السجل الزمني إلى</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="189"/>
        <source>{name} (*{suffix});;All files (*)</source>
        <translation>{name} ‏(*{suffix});;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="202"/>
        <source>Give a file to export to.</source>
        <translation>حدّد ملفًا للتصدير إليه.</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="223"/>
        <source>statusdesk is shutting down; nothing was exported.</source>
        <translation>يجري إيقاف statusdesk؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="227"/>
        <source>Exporting to {path}…</source>
        <translation>جارٍ التصدير إلى {path}…</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="244"/>
        <source>Saved {path}</source>
        <translation>حُفظ {path}</translation>
    </message>
    <message>
        <location filename="../../export/export_dialog.py" line="254"/>
        <source>The export failed ({error}); see the log.</source>
        <translation>فشل التصدير ({error})؛ راجع السجل.</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <location filename="../../export/status_page.py" line="39"/>
        <source>Opening the status page…</source>
        <translation>جارٍ فتح صفحة الحالة…</translation>
    </message>
    <message>
        <location filename="../../export/status_page.py" line="44"/>
        <source>Opened the status page: {path}</source>
        <translation>فُتحت صفحة الحالة: {path}</translation>
    </message>
    <message>
        <location filename="../../export/status_page.py" line="47"/>
        <source>No browser could open {path}; open it by hand.</source>
        <translation>لم يتمكن أي متصفح من فتح {path}؛ افتحه يدويًا.</translation>
    </message>
    <message>
        <location filename="../../export/status_page.py" line="51"/>
        <source>Rebuilding the status page…</source>
        <translation>جارٍ إعادة بناء صفحة الحالة…</translation>
    </message>
    <message>
        <location filename="../../export/status_page.py" line="54"/>
        <source>Status page rebuilt: {path}</source>
        <translation>أُعيد بناء صفحة الحالة: {path}</translation>
    </message>
    <message>
        <location filename="../../export/status_page.py" line="60"/>
        <source>Site build failed: {error}</source>
        <translation>فشل بناء الموقع: {error}</translation>
    </message>
</context>
</TS>
