<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
    <context>
        <name>DeliveryDecisions</name>
        <message>
            <location filename="../../deliveries/decisions.py" line="95" />
            <source>There is no incident, so no delivery to decide on.</source>
            <translation>لا يوجد عطل، فلا إرسال يُنتظر فيه قرار.</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="99" />
            <source>Nothing to retry: no delivery of this incident has failed or waits for a decision.</source>
            <translation>لا شيء لإعادة المحاولة: لم يفشل أي إرسال لهذا العطل ولا ينتظر أي منها قرارًا.</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="106" />
            <source>Nothing to skip: no delivery of this incident has failed, waits for a decision or waits to retry.</source>
            <translation>لا شيء لتخطيه: لم يفشل أي إرسال لهذا العطل، ولا ينتظر قرارًا أو إعادة محاولة.</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="116" />
            <source>Retry</source>
            <translation>إعادة المحاولة</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="116" />
            <source>Skip</source>
            <translation>تخطٍّ</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="128" />
            <source>{channel}: retrying (same idempotency key)…</source>
            <translation>{channel}: جارٍ إعادة المحاولة (بمفتاح التكرار نفسه)…</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="148" />
            <source>{channel}: sent on retry.</source>
            <translation>{channel}: أُرسل عند إعادة المحاولة.</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="151" />
            <source>{channel}: the retry did not go through yet; it will try again.</source>
            <translation>{channel}: لم تنجح إعادة المحاولة بعد؛ ستُعاد المحاولة.</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="164" />
            <source>{channel}: not skipped.</source>
            <translation>{channel}: لم يُتخطَّ.</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="169" />
            <source>{channel}: skipping…</source>
            <translation>{channel}: جارٍ التخطي…</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="178" />
            <source>{channel}: skipped — {reason}</source>
            <translation>{channel}: تُخطّي — {reason}</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="191" />
            <source>internal error ({kind}: {error})</source>
            <translation>خطأ داخلي ({kind}: {error})</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="195" />
            <source>{channel}: not retried — {why}</source>
            <translation>{channel}: لم تُعَد المحاولة — {why}</translation>
        </message>
        <message>
            <location filename="../../deliveries/decisions.py" line="197" />
            <source>{channel}: not skipped — {why}</source>
            <translation>{channel}: لم يُتخطَّ — {why}</translation>
        </message>
    </context>
    <context>
        <name>DeliveryFollow</name>
        <message numerus="yes">
            <location filename="../../deliveries/follow.py" line="128" />
            <source>publishing to %n channel(s)…</source>
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
            <location filename="../../deliveries/follow.py" line="169" />
            <source>all deliveries out</source>
            <translation>أُرسل كل شيء</translation>
        </message>
        <message>
            <location filename="../../deliveries/follow.py" line="171" />
            <source>1 delivery not yet out</source>
            <translation>إرسال واحد لم يخرج بعد</translation>
        </message>
        <message numerus="yes">
            <location filename="../../deliveries/follow.py" line="173" />
            <source>%n deliveries not yet out</source>
            <translation>
                <numerusform>لا إرسالات معلّقة</numerusform>
                <numerusform>إرسال واحد لم يخرج بعد</numerusform>
                <numerusform>إرسالان لم يخرجا بعد</numerusform>
                <numerusform>%n إرسالات لم تخرج بعد</numerusform>
                <numerusform>%n إرسالًا لم يخرج بعد</numerusform>
                <numerusform>%n إرسال لم يخرج بعد</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../deliveries/follow.py" line="179" />
            <source>deliveries: count unavailable</source>
            <translation>الإرسالات: العدد غير متاح</translation>
        </message>
    </context>
    <context>
        <name>Notifier</name>
        <message>
            <location filename="../../deliveries/notify.py" line="49" />
            <source>no reason recorded</source>
            <translation>لم يُسجَّل سبب</translation>
        </message>
        <message>
            <location filename="../../deliveries/notify.py" line="52" />
            <source>{channel}: failed — {reason}.</source>
            <translation>{channel}: فشل — {reason}.</translation>
        </message>
        <message>
            <location filename="../../deliveries/notify.py" line="54" />
            <source>{channel}: needs a decision — {reason}.</source>
            <translation>{channel}: يحتاج إلى قرار — {reason}.</translation>
        </message>
        <message>
            <location filename="../../deliveries/notify.py" line="58" />
            <source>On incident #{id}, {keys}</source>
            <translation>في العطل #{id}: {keys}</translation>
        </message>
        <message>
            <location filename="../../deliveries/notify.py" line="97" />
            <source>statusdesk — {channel} failed</source>
            <translation>statusdesk — فشل {channel}</translation>
        </message>
        <message>
            <location filename="../../deliveries/notify.py" line="99" />
            <source>statusdesk — {channel} needs you</source>
            <translation>statusdesk — {channel} يحتاج إليك</translation>
        </message>
    </context>
</TS>
