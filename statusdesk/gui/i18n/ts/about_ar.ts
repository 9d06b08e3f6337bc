<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../about/about.py" line="22"/>
        <source>Bilingual (Arabic/English) incident communication desk.</source>
        <translation>مكتب ثنائي اللغة (عربي/إنجليزي) للتواصل أثناء الحوادث.</translation>
    </message>
    <message>
        <location filename="../../about/about.py" line="53"/>
        <source>Workspace: {workspace}</source>
        <translation>مساحة العمل: {workspace}</translation>
    </message>
    <message>
        <location filename="../../about/about.py" line="56"/>
        <source>(none open)</source>
        <translation>(لا توجد مساحة مفتوحة)</translation>
    </message>
    <message>
        <location filename="../../about/about.py" line="58"/>
        <source>Log: {path}</source>
        <translation>السجل: {path}</translation>
    </message>
    <message>
        <location filename="../../about/about.py" line="61"/>
        <source>Crash reports: {path}</source>
        <translation>تقارير الأعطال: {path}</translation>
    </message>
    <message>
        <location filename="../../about/about.py" line="68"/>
        <source>Licence: {licence}</source>
        <translation>الترخيص: {licence}</translation>
    </message>
    <message>
        <location filename="../../about/about.py" line="78"/>
        <location filename="../../about/about.py" line="83"/>
        <source>About statusdesk</source>
        <translation>عن statusdesk</translation>
    </message>
    <message>
        <location filename="../../about/about.py" line="91"/>
        <source>&amp;Copy</source>
        <translation>&amp;نسخ</translation>
    </message>
    <message>
        <location filename="../../about/about.py" line="93"/>
        <source>Copy these details to the clipboard</source>
        <translation>انسخ هذه التفاصيل إلى الحافظة</translation>
    </message>
</context>
</TS>
