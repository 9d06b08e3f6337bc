<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../../palette/palette.py" line="59"/>
        <source>Command</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="60"/>
        <source>Incident</source>
        <translation>حادثة</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="61"/>
        <source>Template</source>
        <translation>قالب</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="62"/>
        <source>Channel</source>
        <translation>قناة</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="67"/>
        <source>command palette</source>
        <translation>لوحة الأوامر</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="68"/>
        <source>Search commands, incidents, templates and channels…</source>
        <translation>ابحث في الأوامر والحوادث والقوالب والقنوات…</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="71"/>
        <source>run a command</source>
        <translation>تنفيذ أمر</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="72"/>
        <source>Run a command…</source>
        <translation>نفّذ أمرًا…</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="75"/>
        <source>go to incident</source>
        <translation>الانتقال إلى حادثة</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="76"/>
        <source>Go to incident…</source>
        <translation>انتقل إلى حادثة…</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="79"/>
        <source>insert template</source>
        <translation>إدراج قالب</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="80"/>
        <source>Insert template…</source>
        <translation>أدرج قالبًا…</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="83"/>
        <source>channel</source>
        <translation>قناة</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="84"/>
        <source>Channel…</source>
        <translation>قناة…</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="130"/>
        <source>{kind}: {name}</source>
        <translation>{kind}: {name}</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="368"/>
        <source>statusdesk — {title}</source>
        <translation>statusdesk — {title}</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="370"/>
        <source>{title}: search</source>
        <translation>{title}: بحث</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="371"/>
        <source>{title}: matches</source>
        <translation>{title}: النتائج</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="390"/>
        <source>↑/↓ to choose, Enter to run, Esc to close</source>
        <translation>↑/↓ للاختيار، Enter للتنفيذ، Esc للإغلاق</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="392"/>
        <source>Nothing matches “{text}”.</source>
        <translation>لا شيء يطابق «{text}».</translation>
    </message>
    <message>
        <location filename="../../palette/palette.py" line="394"/>
        <source>Nothing to choose from.</source>
        <translation>لا شيء للاختيار منه.</translation>
    </message>
</context>
</TS>
