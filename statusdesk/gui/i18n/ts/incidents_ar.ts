<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
    <context>
        <name>DeliveryChip</name>
        <message>
            <location filename="../../incidents/incident_view.py" line="104" />
            <location filename="../../incidents/incident_view.py" line="189" />
            <source>sending {done}/{total}</source>
            <translation>جارٍ الإرسال {done}/{total}</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_view.py" line="161" />
            <source>{keys} (or right-click this chip)</source>
            <translation>{keys} (أو انقر هذه الشارة بالزر الأيمن)</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_view.py" line="163" />
            <source>{key} skips (or right-click this chip)</source>
            <translation>{key} للتخطي (أو انقر هذه الشارة بالزر الأيمن)</translation>
        </message>
    </context>
    <context>
        <name>IncidentBrowser</name>
        <message numerus="yes">
            <location filename="../../incidents/browser.py" line="158" />
            <source>{shown} of %n incident(s) shown</source>
            <translation>
                <numerusform>{shown} من %n عطل معروضة</numerusform>
                <numerusform>{shown} من عطل واحد معروض</numerusform>
                <numerusform>{shown} من عطلين معروضة</numerusform>
                <numerusform>{shown} من %n أعطال معروضة</numerusform>
                <numerusform>{shown} من %n عطلًا معروضة</numerusform>
                <numerusform>{shown} من %n عطل معروضة</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../incidents/browser.py" line="282" />
            <source>There is no incident to update yet; Ctrl+N opens one.</source>
            <translation>لا يوجد عطل لتحديثه بعد؛ Ctrl+N يفتح عطلًا.</translation>
        </message>
    </context>
    <context>
        <name>IncidentFilter</name>
        <message>
            <location filename="../../incidents/incident_list.py" line="305" />
            <source>Filter: a few letters of a title, English or Arabic (Ctrl+F)</source>
            <translation>تصفية: بضعة أحرف من عنوان، إنجليزي أو عربي (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="307" />
            <source>Filter incidents</source>
            <translation>تصفية الأعطال</translation>
        </message>
    </context>
    <context>
        <name>IncidentListModel</name>
        <message>
            <location filename="../../incidents/incident_list.py" line="62" />
            <source>State</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="63" />
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="65" />
            <source>Impact</source>
            <translation>الأثر</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="66" />
            <source>Last update</source>
            <translation>آخر تحديث</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="67" />
            <source>Next update</source>
            <translation>التحديث القادم</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="73" />
            <source>incident</source>
            <translation>عطل</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="74" />
            <source>maintenance</source>
            <translation>صيانة</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="243" />
            <source>no update yet</source>
            <translation>لا تحديث بعد</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="247" />
            <source>{age} ago</source>
            <translation>منذ {age}</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="256" />
            <source>Started {when}</source>
            <translation>بدأ {when}</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="257" />
            <source>Last update {when}</source>
            <translation>آخر تحديث {when}</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_list.py" line="259" />
            <source>No update yet</source>
            <translation>لا تحديث بعد</translation>
        </message>
        <message numerus="yes">
            <location filename="../../incidents/incident_list.py" line="260" />
            <source>%n update(s)</source>
            <translation>
                <numerusform>لا تحديثات</numerusform>
                <numerusform>تحديث واحد</numerusform>
                <numerusform>تحديثان</numerusform>
                <numerusform>%n تحديثات</numerusform>
                <numerusform>%n تحديثًا</numerusform>
                <numerusform>%n تحديث</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IncidentListView</name>
        <message>
            <location filename="../../incidents/incident_list.py" line="347" />
            <source>Incidents</source>
            <translation>الأعطال</translation>
        </message>
    </context>
    <context>
        <name>IncidentView</name>
        <message>
            <location filename="../../incidents/incident_view.py" line="287" />
            <location filename="../../incidents/incident_view.py" line="323" />
            <source>No incident yet. Ctrl+N opens one.</source>
            <translation>لا أعطال بعد. Ctrl+N يفتح عطلًا.</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_view.py" line="345" />
            <source>No update has gone out yet.</source>
            <translation>لم يخرج أي تحديث بعد.</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_view.py" line="418" />
            <source>incident</source>
            <translation>عطل</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_view.py" line="418" />
            <source>maintenance</source>
            <translation>صيانة</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_view.py" line="420" />
            <source>impact {impact}</source>
            <translation>الأثر {impact}</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_view.py" line="421" />
            <source>started {when}</source>
            <translation>بدأ {when}</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_view.py" line="430" />
            <source>affects {components}</source>
            <translation>يؤثر في {components}</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_view.py" line="510" />
            <source>Retry {channel}</source>
            <translation>إعادة المحاولة على {channel}</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_view.py" line="514" />
            <source>Skip {channel}…</source>
            <translation>تخطي {channel}…</translation>
        </message>
    </context>
    <context>
        <name>PendingRow</name>
        <message>
            <location filename="../../incidents/rhythm_widgets.py" line="192" />
            <source>{send} sends it now · {discard} discards it</source>
            <translation>{send} يرسله الآن · {discard} يتجاهله</translation>
        </message>
        <message>
            <location filename="../../incidents/rhythm_widgets.py" line="204" />
            <source>Edit…</source>
            <translation>تعديل…</translation>
        </message>
        <message>
            <location filename="../../incidents/rhythm_widgets.py" line="205" />
            <source>Reschedule…</source>
            <translation>إعادة الجدولة…</translation>
        </message>
        <message>
            <location filename="../../incidents/rhythm_widgets.py" line="206" />
            <source>Send now…</source>
            <translation>إرسال الآن…</translation>
        </message>
        <message>
            <location filename="../../incidents/rhythm_widgets.py" line="209" />
            <source>Discard…</source>
            <translation>تجاهل…</translation>
        </message>
        <message>
            <location filename="../../incidents/rhythm_widgets.py" line="211" />
            <source>Cancel…</source>
            <translation>إلغاء…</translation>
        </message>
    </context>
    <context>
        <name>RhythmPanel</name>
        <message>
            <location filename="../../incidents/rhythm_widgets.py" line="89" />
            <source>Channels against the latest update</source>
            <translation>القنوات مقابل آخر تحديث</translation>
        </message>
        <message numerus="yes">
            <location filename="../../incidents/rhythm_widgets.py" line="167" />
            <source> — promised for {when} (every %n min)</source>
            <translation>
                <numerusform> — موعده {when}</numerusform>
                <numerusform> — موعده {when} (كل دقيقة)</numerusform>
                <numerusform> — موعده {when} (كل دقيقتين)</numerusform>
                <numerusform> — موعده {when} (كل %n دقائق)</numerusform>
                <numerusform> — موعده {when} (كل %n دقيقة)</numerusform>
                <numerusform> — موعده {when} (كل %n دقيقة)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ScheduledSection</name>
        <message>
            <location filename="../../incidents/rhythm_widgets.py" line="265" />
            <source>{edit} edits · {reschedule} reschedules · {cancel} cancels · {send} sends now</source>
            <translation>{edit} للتعديل · {reschedule} لإعادة الجدولة · {cancel} للإلغاء · {send} للإرسال الآن</translation>
        </message>
        <message>
            <location filename="../../incidents/rhythm_widgets.py" line="273" />
            <source>Scheduled — not yet out ({count}) · {keys}</source>
            <translation>مجدولة — لم تخرج بعد ({count}) · {keys}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../incidents/rhythm_widgets.py" line="276" />
            <source>%n update(s) not yet out.</source>
            <translation>
                <numerusform>لا تحديثات معلّقة.</numerusform>
                <numerusform>تحديث واحد لم يخرج بعد.</numerusform>
                <numerusform>تحديثان لم يخرجا بعد.</numerusform>
                <numerusform>%n تحديثات لم تخرج بعد.</numerusform>
                <numerusform>%n تحديثًا لم يخرج بعد.</numerusform>
                <numerusform>%n تحديث لم يخرج بعد.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UpdateCard</name>
        <message>
            <location filename="../../incidents/incident_view.py" line="236" />
            <source>channel {id}</source>
            <translation>القناة {id}</translation>
        </message>
        <message>
            <location filename="../../incidents/incident_view.py" line="242" />
            <source>not sent to any channel</source>
            <translation>لم يُرسل إلى أي قناة</translation>
        </message>
    </context>
</TS>
