<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Launch</name>
    <message>
        <location filename="../../launch/app.py" line="213"/>
        <source>statusdesk — cannot open the workspace</source>
        <translation>statusdesk — يتعذر فتح مساحة العمل</translation>
    </message>
</context>
</TS>
