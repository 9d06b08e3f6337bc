<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="20"/>
        <source>statusdesk — internal error</source>
        <translation>statusdesk — خطأ داخلي</translation>
    </message>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="21"/>
        <source>Your drafts are kept: what you typed is still in the window, and saved in the workspace.</source>
        <translation>مسوداتك محفوظة: ما كتبته لا يزال في النافذة، ومحفوظ في مساحة العمل.</translation>
    </message>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="25"/>
        <source>statusdesk has to close. Your drafts are kept in the workspace and come back when it starts again.</source>
        <translation>يجب أن يُغلق statusdesk. مسوداتك محفوظة في مساحة العمل وتعود عند تشغيله مجددًا.</translation>
    </message>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="54"/>
        <source>Something went wrong inside statusdesk and it could not finish what it was doing ({summary}).</source>
        <translation>حدث خطأ داخل statusdesk فلم يتمكن من إتمام ما كان يفعله ({summary}).</translation>
    </message>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="63"/>
        <source>Log: {path}</source>
        <translation>السجل: {path}</translation>
    </message>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="65"/>
        <source>Log: none (the log folder cannot be written)</source>
        <translation>السجل: لا يوجد (تتعذر الكتابة في مجلد السجل)</translation>
    </message>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="70"/>
        <source>Crash report: {path}</source>
        <translation>تقرير العطل: {path}</translation>
    </message>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="73"/>
        <source>The crash report could not be saved ({error}); copy it instead.</source>
        <translation>تعذّر حفظ تقرير العطل ({error})؛ انسخه بدلًا من ذلك.</translation>
    </message>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="80"/>
        <source>Please send the crash report to whoever looks after statusdesk for you. It holds no password or token.</source>
        <translation>يُرجى إرسال تقرير العطل إلى من يتولى statusdesk لديكم. لا يحتوي التقرير على أي كلمة مرور أو رمز وصول.</translation>
    </message>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="91"/>
        <source>&amp;Copy report</source>
        <translation>&amp;نسخ التقرير</translation>
    </message>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="93"/>
        <source>Copy the crash report to the clipboard</source>
        <translation>انسخ تقرير العطل إلى الحافظة</translation>
    </message>
    <message>
        <location filename="../../runtime/crash_dialog.py" line="104"/>
        <source>The crash report is on the clipboard.</source>
        <translation>تقرير العطل في الحافظة الآن.</translation>
    </message>
</context>
</TS>
