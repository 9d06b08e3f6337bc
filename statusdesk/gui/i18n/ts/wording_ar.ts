<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
    <context>
        <name>Outcomes</name>
        <message numerus="yes">
            <location filename="../../wording/outcomes.py" line="21" />
            <source>%n channel(s)</source>
            <translation>
                <numerusform>لا قنوات</numerusform>
                <numerusform>قناة واحدة</numerusform>
                <numerusform>قناتان</numerusform>
                <numerusform>%n قنوات</numerusform>
                <numerusform>%n قناة</numerusform>
                <numerusform>%n قناة</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../wording/outcomes.py" line="32" />
            <source>channel {id}</source>
            <translation>القناة {id}</translation>
        </message>
        <message>
            <location filename="../../wording/outcomes.py" line="34" />
            <source>no reason recorded</source>
            <translation>لم يُسجَّل سبب</translation>
        </message>
        <message>
            <location filename="../../wording/outcomes.py" line="41" />
            <source>{channel} left out: {reason}</source>
            <translation>استُبعدت {channel}: {reason}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../wording/outcomes.py" line="58" />
            <source>Published to {sent} of %n channel(s)</source>
            <translation>
                <numerusform>نُشر إلى {sent} من دون قنوات</numerusform>
                <numerusform>نُشر إلى {sent} من قناة واحدة</numerusform>
                <numerusform>نُشر إلى {sent} من قناتين</numerusform>
                <numerusform>نُشر إلى {sent} من %n قنوات</numerusform>
                <numerusform>نُشر إلى {sent} من %n قناة</numerusform>
                <numerusform>نُشر إلى {sent} من %n قناة</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../wording/outcomes.py" line="65" />
            <source>temporary failure</source>
            <translation>إخفاق مؤقت</translation>
        </message>
        <message>
            <location filename="../../wording/outcomes.py" line="67" />
            <source>{channel} will retry ({why})</source>
            <translation>{channel} ستعيد المحاولة ({why})</translation>
        </message>
        <message>
            <location filename="../../wording/outcomes.py" line="73" />
            <source>{channel} {state}: {reason}</source>
            <translation>{channel}، {state}: {reason}</translation>
        </message>
        <message>
            <source>; </source>
            <translation>؛ </translation>
        </message>
    </context>
    <context>
        <name>Rhythm</name>
        <message numerus="yes">
            <location filename="../../wording/rhythm.py" line="41" />
            <source>%n s</source>
            <translation>
                <numerusform>0 ث</numerusform>
                <numerusform>ثانية</numerusform>
                <numerusform>ثانيتين</numerusform>
                <numerusform>%n ثوانٍ</numerusform>
                <numerusform>%n ثانية</numerusform>
                <numerusform>%n ثانية</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../wording/rhythm.py" line="44" />
            <location filename="../../wording/rhythm.py" line="61" />
            <source>%n min</source>
            <translation>
                <numerusform>0 د</numerusform>
                <numerusform>دقيقة</numerusform>
                <numerusform>دقيقتين</numerusform>
                <numerusform>%n دقائق</numerusform>
                <numerusform>%n دقيقة</numerusform>
                <numerusform>%n دقيقة</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="46" />
            <location filename="../../wording/rhythm.py" line="50" />
            <location filename="../../wording/rhythm.py" line="68" />
            <source>{hours} h {minutes} min</source>
            <translation>{hours} س {minutes} د</translation>
        </message>
        <message numerus="yes">
            <location filename="../../wording/rhythm.py" line="49" />
            <location filename="../../wording/rhythm.py" line="67" />
            <source>%n h</source>
            <translation>
                <numerusform>0 س</numerusform>
                <numerusform>ساعة</numerusform>
                <numerusform>ساعتين</numerusform>
                <numerusform>%n ساعات</numerusform>
                <numerusform>%n ساعة</numerusform>
                <numerusform>%n ساعة</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="58" />
            <source>just now</source>
            <translation>الآن</translation>
        </message>
        <message numerus="yes">
            <location filename="../../wording/rhythm.py" line="65" />
            <source>%n d</source>
            <translation>
                <numerusform>0 ي</numerusform>
                <numerusform>يوم</numerusform>
                <numerusform>يومين</numerusform>
                <numerusform>%n أيام</numerusform>
                <numerusform>%n يومًا</numerusform>
                <numerusform>%n يوم</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="87" />
            <source>no next update promised</source>
            <translation>لا موعد للتحديث القادم</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="93" />
            <source>next update due now</source>
            <translation>التحديث القادم مستحق الآن</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="94" />
            <location filename="../../wording/rhythm.py" line="265" />
            <source>due now</source>
            <translation>مستحق الآن</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="99" />
            <source>next update overdue by {span}</source>
            <translation>التحديث القادم متأخر {span}</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="100" />
            <source>overdue {span}</source>
            <translation>متأخر {span}</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="107" />
            <source>next update in {span} — due soon</source>
            <translation>التحديث القادم بعد {span} — قريبًا</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="108" />
            <source>in {span}, soon</source>
            <translation>بعد {span}، قريبًا</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="113" />
            <source>next update in {span}</source>
            <translation>التحديث القادم بعد {span}</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="114" />
            <location filename="../../wording/rhythm.py" line="266" />
            <source>in {span}</source>
            <translation>بعد {span}</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="129" />
            <source>Incident #{id} ({title}): the next update is overdue by {span}; it was promised for {promised}. Post one now.</source>
            <translation>العطل #{id} ({title}): التحديث القادم متأخر {span}؛ كان موعده {promised}. انشر تحديثًا الآن.</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="152" />
            <source>the latest update was not sent to it</source>
            <translation>لم يُرسل إليها آخر تحديث</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="153" />
            <source>its delivery failed</source>
            <translation>فشل إرسالها</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="154" />
            <source>its delivery needs a decision</source>
            <translation>إرسالها يحتاج إلى قرار</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="155" />
            <source>its delivery is waiting to retry</source>
            <translation>إرسالها ينتظر إعادة المحاولة</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="158" />
            <location filename="../../wording/rhythm.py" line="170" />
            <source>sent</source>
            <translation>أُرسل</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="159" />
            <source>skipped</source>
            <translation>تُخطّي</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="160" />
            <source>on its way</source>
            <translation>في الطريق</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="161" />
            <source>missed</source>
            <translation>فائت</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="174" />
            <source>silent</source>
            <translation>صامتة</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="175" />
            <source>silent {span}</source>
            <translation>صامتة {span}</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="185" />
            <source>silent for {span}</source>
            <translation>صامتة منذ {span}</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="187" />
            <source>has delivered no update of this incident</source>
            <translation>لم تُوصل أي تحديث لهذا العطل</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="191" />
            <source>{channel}: {silent} — missed the latest update ({why})</source>
            <translation>{channel}: {silent} — فاتها آخر تحديث ({why})</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="195" />
            <source>; its newest delivered update is {span} old</source>
            <translation>؛ أحدث تحديث أوصلته عمره {span}</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="203" />
            <source>{channel}: skipped the latest update (a recorded decision: {reason})</source>
            <translation>{channel}: تخطّت آخر تحديث (قرار مسجَّل: {reason})</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="207" />
            <source>{channel}: skipped the latest update (a recorded decision)</source>
            <translation>{channel}: تخطّت آخر تحديث (قرار مسجَّل)</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="213" />
            <source>{channel}: the latest update is on its way</source>
            <translation>{channel}: آخر تحديث في الطريق</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="219" />
            <source>{channel}: delivered the latest update</source>
            <translation>{channel}: أوصلت آخر تحديث</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="229" />
            <source>{channels} missed</source>
            <translation>فاتت {channels}</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="261" />
            <source>was due {span} ago; not sent</source>
            <translation>كان مستحقًا قبل {span}؛ لم يُرسل</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="273" />
            <source>STALE</source>
            <translation>فائت</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="273" />
            <source>Scheduled</source>
            <translation>مجدول</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="304" />
            <source>The clock jumped forward by {span} (the machine slept, or the clock was set); scheduled updates were checked against the new time.</source>
            <translation>قفزت الساعة إلى الأمام {span} (نام الجهاز أو ضُبطت الساعة)؛ فُحصت التحديثات المجدولة وفق الوقت الجديد.</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="310" />
            <source>The clock jumped back by {span} (the machine slept, or the clock was set); scheduled updates were checked against the new time.</source>
            <translation>رجعت الساعة إلى الوراء {span} (نام الجهاز أو ضُبطت الساعة)؛ فُحصت التحديثات المجدولة وفق الوقت الجديد.</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="320" />
            <source>on time</source>
            <translation>في موعده</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="321" />
            <source>{span} after its time</source>
            <translation>بعد موعده بـ {span}</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="325" />
            <source>A scheduled update on #{id} went out ({late}).</source>
            <translation>خرج تحديث مجدول على #{id} ({late}).</translation>
        </message>
        <message>
            <location filename="../../wording/rhythm.py" line="332" />
            <source>An update on #{id} fell due {span} ago ({due}) while nothing ran to send it; it is stale and was not sent. {keys}</source>
            <translation>حلّ موعد تحديث على #{id} قبل {span} ({due}) ولم يكن هناك ما يرسله؛ صار فائتًا ولم يُرسل. {keys}</translation>
        </message>
    </context>
    <context>
        <name>Targets</name>
        <message>
            <location filename="../../wording/targets.py" line="30" />
            <source>update {update}</source>
            <translation>التحديث {update}</translation>
        </message>
    </context>
<context>
    <name>ReviewWords</name>
    <message>
        <location filename="../../wording/review_words.py" line="35"/>
        <source>Submitted for review as #{id} (in_review): nothing was sent. Once another person approves it ({approve} in {reviews}) it goes out at {when}.</source>
        <translation>قُدِّم للمراجعة برقم #{id} (in_review): لم يُرسل شيء. متى اعتمده شخص آخر ({approve} في {reviews}) يُنشر في {when}.</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="41"/>
        <source>Submitted for review as #{id} (in_review): nothing was sent. Another person publishes it with {approve} in {reviews}.</source>
        <translation>قُدِّم للمراجعة برقم #{id} (in_review): لم يُرسل شيء. ينشره شخص آخر بـ {approve} في {reviews}.</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="53"/>
        <source> (your newer edits stay in the composer)</source>
        <translation> (تعديلاتك الأحدث باقية في المحرر)</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="62"/>
        <source>new incident: {title}</source>
        <translation>حادثة جديدة: {title}</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="66"/>
        <source>update on #{incident}</source>
        <translation>تحديث على #{incident}</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="67"/>
        <source>#{id} · {what} · by {author} · {when}</source>
        <translation>#{id} · {what} · كتبه {author} · {when}</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="81"/>
        <source>Written by {author}, submitted {when}</source>
        <translation>كتبه {author}، وقُدِّم {when}</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="84"/>
        <source>Channels: {channels}</source>
        <translation>القنوات: {channels}</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="85"/>
        <source>State: {state}</source>
        <translation>الحالة: {state}</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="91"/>
        <source>Scheduled: approved, it goes out at {when} (at once if that time has passed)</source>
        <translation>مجدول: متى اعتُمد يُنشر في {when} (فورًا إن كان ذلك الوقت قد مضى)</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="97"/>
        <source>Approved, it goes out at once.</source>
        <translation>متى اعتُمد يُنشر فورًا.</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="100"/>
        <source>Channels left out: {reason}</source>
        <translation>القنوات المستبعدة: {reason}</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="119"/>
        <source>Approved #{id}: update {update} on #{incident} goes out at {when}.</source>
        <translation>اعتُمد #{id}: التحديث {update} على #{incident} يُنشر في {when}.</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="128"/>
        <source>Approved #{id}: its time passed while it waited for review, so update {update} on #{incident} was published now.</source>
        <translation>اعتُمد #{id}: مضى وقته وهو ينتظر المراجعة، فنُشر التحديث {update} على #{incident} الآن.</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="134"/>
        <source>Approved #{id}: update {update} on #{incident} published.</source>
        <translation>اعتُمد #{id}: نُشر التحديث {update} على #{incident}.</translation>
    </message>
    <message>
        <location filename="../../wording/review_words.py" line="139"/>
        <source>You wrote #{id} ({author}): another person must approve it. You may return it to withdraw it.</source>
        <translation>أنت كتبت #{id} ({author}): يجب أن يعتمده شخص آخر. يمكنك إعادته لسحبه.</translation>
    </message>
</context>
</TS>
