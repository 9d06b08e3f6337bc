<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>EditPendingPopup</name>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="175"/>
        <source>edit an update not yet out</source>
        <translation>تعديل تحديث لم يخرج بعد</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="178"/>
        <source>Ctrl+Return saves; Esc leaves it as it was.</source>
        <translation>Ctrl+Return للحفظ؛ Esc يتركه كما كان.</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="185"/>
        <source>&amp;English</source>
        <translation>ال&amp;إنجليزية</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="186"/>
        <source>&amp;Arabic — العربية</source>
        <translation>ال&amp;عربية</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="203"/>
        <source>&amp;Save  (Ctrl+Return)</source>
        <translation>&amp;حفظ  (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="204"/>
        <source>Cancel (Esc)</source>
        <translation>إلغاء (Esc)</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="236"/>
        <source>Not saved: {why}</source>
        <translation>لم يُحفظ: {why}</translation>
    </message>
</context>
<context>
    <name>PendingActions</name>
    <message>
        <location filename="../../schedule/pending_actions.py" line="82"/>
        <source>Reschedule</source>
        <translation>إعادة الجدولة</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="85"/>
        <source>Nothing to reschedule: no update of this incident waits to go out.</source>
        <translation>لا شيء لإعادة جدولته: لا تحديث لهذا العطل ينتظر الخروج.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="90"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="93"/>
        <source>Nothing to cancel: no update of this incident is scheduled.</source>
        <translation>لا شيء لإلغائه: لا تحديث مجدول لهذا العطل.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="98"/>
        <source>Send now</source>
        <translation>إرسال الآن</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="101"/>
        <source>Nothing to send: no update of this incident waits to go out.</source>
        <translation>لا شيء لإرساله: لا تحديث لهذا العطل ينتظر الخروج.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="106"/>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="109"/>
        <source>Nothing to discard: no update of this incident is stale.</source>
        <translation>لا شيء لتجاهله: لا تحديث فائت لهذا العطل.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="114"/>
        <source>Edit</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="117"/>
        <source>Nothing to edit: no update of this incident waits to go out.</source>
        <translation>لا شيء لتعديله: لا تحديث لهذا العطل ينتظر الخروج.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="152"/>
        <source>reschedule an update</source>
        <translation>إعادة جدولة تحديث</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="153"/>
        <source>Reschedule: {update}</source>
        <translation>إعادة الجدولة: {update}</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="154"/>
        <source>&amp;Reschedule</source>
        <translation>إعادة ال&amp;جدولة</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="165"/>
        <source>Edit: {update}</source>
        <translation>تعديل: {update}</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="180"/>
        <source>Edited the update due {when}.</source>
        <translation>عُدّل التحديث المقرر في {when}.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="187"/>
        <source>The update was not edited — {why}</source>
        <translation>لم يُعدَّل التحديث — {why}</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="199"/>
        <source>Rescheduled the update on #{id} to {when}.</source>
        <translation>أُعيدت جدولة التحديث على #{id} إلى {when}.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="202"/>
        <source>The update was not rescheduled — {why}</source>
        <translation>لم تُعَد جدولة التحديث — {why}</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="233"/>
        <source>cancel a scheduled update</source>
        <translation>إلغاء تحديث مجدول</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="234"/>
        <source>Cancel the update scheduled for {when}? It will not go out.</source>
        <translation>أتلغي التحديث المجدول في {when}؟ لن يخرج.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="237"/>
        <source>&amp;Yes, cancel it</source>
        <translation>&amp;نعم، ألغِه</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="238"/>
        <location filename="../../schedule/pending_actions.py" line="257"/>
        <source>&amp;Keep it</source>
        <translation>أ&amp;بقِه</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="242"/>
        <source>Cancelled the update scheduled for {when}; it will not go out.</source>
        <translation>أُلغي التحديث المجدول في {when}؛ لن يخرج.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="245"/>
        <source>The update was not cancelled — {why}</source>
        <translation>لم يُلغَ التحديث — {why}</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="247"/>
        <source>Kept: the update stays scheduled.</source>
        <translation>أُبقي: يظل التحديث مجدولًا.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="254"/>
        <source>discard a stale update</source>
        <translation>تجاهل تحديث فائت</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="255"/>
        <source>Discard this stale update? It will never go out.</source>
        <translation>أتتجاهل هذا التحديث الفائت؟ لن يخرج أبدًا.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="256"/>
        <source>&amp;Discard it</source>
        <translation>&amp;تجاهله</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="261"/>
        <source>Discarded the stale update that was due {when}.</source>
        <translation>تُجوهل التحديث الفائت الذي كان مقررًا في {when}.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="264"/>
        <source>The update was not discarded — {why}</source>
        <translation>لم يُتجاهل التحديث — {why}</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="266"/>
        <source>Kept: the stale update still waits for you.</source>
        <translation>أُبقي: ما زال التحديث الفائت ينتظرك.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="273"/>
        <source>Send this update now, {span} after it was due? It was written for then: check that it still holds.</source>
        <translation>أترسل هذا التحديث الآن، بعد {span} من موعده؟ كُتب لذلك الوقت: تحقق من أنه ما زال صحيحًا.</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="277"/>
        <source>Send this update now instead of at {when}?</source>
        <translation>أترسل هذا التحديث الآن بدلًا من {when}؟</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="283"/>
        <source>send an update now</source>
        <translation>إرسال تحديث الآن</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="285"/>
        <source>&amp;Send now</source>
        <translation>أ&amp;رسل الآن</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="286"/>
        <source>&amp;Not now</source>
        <translation>&amp;ليس الآن</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="288"/>
        <source>Not sent: the update still waits.</source>
        <translation>لم يُرسل: ما زال التحديث ينتظر.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../schedule/pending_actions.py" line="294"/>
        <source>Sending the update on #{id} now to %n channel(s)…</source>
        <translation>
            <numerusform>جارٍ إرسال التحديث على #{id} الآن…</numerusform>
            <numerusform>جارٍ إرسال التحديث على #{id} الآن إلى قناة واحدة…</numerusform>
            <numerusform>جارٍ إرسال التحديث على #{id} الآن إلى قناتين…</numerusform>
            <numerusform>جارٍ إرسال التحديث على #{id} الآن إلى %n قنوات…</numerusform>
            <numerusform>جارٍ إرسال التحديث على #{id} الآن إلى %n قناة…</numerusform>
            <numerusform>جارٍ إرسال التحديث على #{id} الآن إلى %n قناة…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="298"/>
        <source>Sending…</source>
        <translation>جارٍ الإرسال…</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="302"/>
        <source>The update was not sent — {why}</source>
        <translation>لم يُرسل التحديث — {why}</translation>
    </message>
    <message>
        <location filename="../../schedule/pending_actions.py" line="324"/>
        <source>internal error ({kind}: {error})</source>
        <translation>خطأ داخلي ({kind}: {error})</translation>
    </message>
</context>
<context>
    <name>SchedulePicker</name>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="71"/>
        <source>&amp;When (your time zone: {zone}):</source>
        <translation>&amp;متى (منطقتك الزمنية: {zone}):</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="75"/>
        <source>When to send the update</source>
        <translation>متى يُرسل التحديث</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="77"/>
        <source>For example: {examples}</source>
        <translation>مثلًا: {examples}</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="95"/>
        <source>Back (Esc)</source>
        <translation>رجوع (Esc)</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="116"/>
        <source>Type a time, e.g. {examples}</source>
        <translation>اكتب وقتًا، مثلًا: {examples}</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="123"/>
        <source>Cannot schedule: {problem}</source>
        <translation>تتعذّر الجدولة: {problem}</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="128"/>
        <source>Local: {when}</source>
        <translation>المحلي: {when}</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="129"/>
        <source>UTC: {when}</source>
        <translation>التوقيت العالمي UTC: {when}</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="134"/>
        <source>Note: {note}</source>
        <translation>ملاحظة: {note}</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="153"/>
        <source>no time given</source>
        <translation>لم يُذكر وقت</translation>
    </message>
    <message>
        <location filename="../../schedule/schedule_popups.py" line="155"/>
        <source>Cannot schedule: type a time, e.g. {examples}</source>
        <translation>تتعذّر الجدولة: اكتب وقتًا، مثلًا: {examples}</translation>
    </message>
</context>
<context>
    <name>SchedulingController</name>
    <message>
        <location filename="../../schedule/scheduling.py" line="177"/>
        <source>{send} sends it now, {discard} discards it.</source>
        <translation>{send} يرسله الآن، {discard} يتجاهله.</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="184"/>
        <source>statusdesk — a stale update on #{id}</source>
        <translation>statusdesk — تحديث فائت على #{id}</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="200"/>
        <source>Could not look for updates due to go out ({error}); trying again.</source>
        <translation>تعذّر البحث عن التحديثات المستحقة ({error})؛ تُعاد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="231"/>
        <source>statusdesk — update overdue on #{id}</source>
        <translation>statusdesk — تحديث متأخر على #{id}</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="244"/>
        <source>Nothing to schedule yet: write the update first ({write}), then {schedule}.</source>
        <translation>لا شيء لجدولته بعد: اكتب التحديث أولًا ({write})، ثم {schedule}.</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="250"/>
        <source>schedule the update</source>
        <translation>جدولة التحديث</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="252"/>
        <source>&amp;Schedule</source>
        <translation>&amp;جدولة</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="261"/>
        <source>untitled</source>
        <translation>بلا عنوان</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="262"/>
        <source>The first update of a new incident, “{title}”</source>
        <translation>التحديث الأول لعطل جديد، «{title}»</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="266"/>
        <source>The update on #{id}</source>
        <translation>التحديث على #{id}</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="267"/>
        <source>no channel ticked</source>
        <translation>لم تُحدَّد أي قناة</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="270"/>
        <source>{what} ({state}: “{words}”), to {channels}. It is stored now and sent at the time you give; nothing goes out before.</source>
        <translation>{what} ({state}: «{words}»)، إلى {channels}. يُحفظ الآن ويُرسل في الوقت الذي تحدده؛ لا يخرج شيء قبله.</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="279"/>
        <source>Opened incident #{id}; its first update is scheduled</source>
        <translation>فُتح العطل #{id}؛ تحديثه الأول مجدول</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="281"/>
        <source>Update on #{id} scheduled</source>
        <translation>جُدول التحديث على #{id}</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="284"/>
        <source> (your newer edits stay in the composer)</source>
        <translation> (تعديلاتك الأحدث باقية في المحرر)</translation>
    </message>
    <message>
        <location filename="../../schedule/scheduling.py" line="286"/>
        <source>{what} for {when}; nothing is sent until then. {reschedule} reschedules, {cancel} cancels.</source>
        <translation>{what} في {when}؛ لا يُرسل شيء قبل ذلك. {reschedule} لإعادة الجدولة، {cancel} للإلغاء.</translation>
    </message>
</context>
</TS>
