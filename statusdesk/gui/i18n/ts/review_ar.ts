<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ReviewDesk</name>
    <message>
        <location filename="../../review/review_desk.py" line="111"/>
        <source>Choose the update in Waiting for review, then {key} approves it.</source>
        <translation>اختر التحديث في «بانتظار المراجعة»، ثم يعتمده {key}.</translation>
    </message>
    <message>
        <location filename="../../review/review_desk.py" line="124"/>
        <source>Choose the update in Waiting for review, then {key} returns it.</source>
        <translation>اختر التحديث في «بانتظار المراجعة»، ثم يعيده {key}.</translation>
    </message>
    <message>
        <location filename="../../review/review_desk.py" line="138"/>
        <source>Still deciding on #{id}…</source>
        <translation>ما زال القرار في #{id} جاريًا…</translation>
    </message>
    <message>
        <location filename="../../review/review_desk.py" line="153"/>
        <source>Approving #{id}…</source>
        <translation>جارٍ اعتماد #{id}…</translation>
    </message>
    <message>
        <location filename="../../review/review_desk.py" line="185"/>
        <source>return #{id} with a comment</source>
        <translation>إعادة #{id} مع تعليق</translation>
    </message>
    <message>
        <location filename="../../review/review_desk.py" line="188"/>
        <source>Return #{id} to {author}: what should change? Nothing is sent.</source>
        <translation>إعادة #{id} إلى {author}: ما الذي يجب تغييره؟ لا يُرسل شيء.</translation>
    </message>
    <message>
        <location filename="../../review/review_desk.py" line="191"/>
        <source>Enter returns it, Esc goes back.</source>
        <translation>Enter يعيده، وEsc يرجع.</translation>
    </message>
    <message>
        <location filename="../../review/review_desk.py" line="193"/>
        <source>e.g. Say since when payments fail</source>
        <translation>مثلًا: اذكر منذ متى تفشل المدفوعات</translation>
    </message>
    <message>
        <location filename="../../review/review_desk.py" line="194"/>
        <source>Comment for the author</source>
        <translation>تعليق للكاتب</translation>
    </message>
    <message>
        <location filename="../../review/review_desk.py" line="195"/>
        <source>&amp;Return it</source>
        <translation>أ&amp;عِده</translation>
    </message>
    <message>
        <location filename="../../review/review_desk.py" line="196"/>
        <source>Say what should change: the comment is empty.</source>
        <translation>اذكر ما يجب تغييره: التعليق فارغ.</translation>
    </message>
    <message>
        <location filename="../../review/review_desk.py" line="220"/>
        <source>Returned #{id} to {author}; nothing was sent.</source>
        <translation>أُعيد #{id} إلى {author}؛ لم يُرسل شيء.</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../review/review_window.py" line="44"/>
        <source>waiting for review</source>
        <translation>بانتظار المراجعة</translation>
    </message>
    <message>
        <location filename="../../review/review_window.py" line="52"/>
        <source>Updates waiting for review</source>
        <translation>التحديثات بانتظار المراجعة</translation>
    </message>
    <message>
        <location filename="../../review/review_window.py" line="55"/>
        <source>No update is waiting for review.</source>
        <translation>لا يوجد تحديث بانتظار المراجعة.</translation>
    </message>
    <message>
        <location filename="../../review/review_window.py" line="62"/>
        <source>English text as submitted</source>
        <translation>النص الإنجليزي كما قُدِّم</translation>
    </message>
    <message>
        <location filename="../../review/review_window.py" line="67"/>
        <source>Arabic text as submitted</source>
        <translation>النص العربي كما قُدِّم</translation>
    </message>
    <message>
        <location filename="../../review/review_window.py" line="73"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../review/review_window.py" line="106"/>
        <source>&amp;Approve and publish ({key})</source>
        <translation>ا&amp;عتماد ونشر ({key})</translation>
    </message>
    <message>
        <location filename="../../review/review_window.py" line="107"/>
        <source>Re&amp;turn with a comment… ({key})</source>
        <translation>إ&amp;عادة مع تعليق… ({key})</translation>
    </message>
    <message>
        <location filename="../../review/review_window.py" line="110"/>
        <source>Updates waiting for a second pair of eyes, oldest first. ↑/↓ to choose, {approve} approves (it goes out exactly as shown), {back} returns it to its author with a comment, Esc closes.</source>
        <translation>تحديثات تنتظر عينًا ثانية، الأقدم أولًا. ↑/↓ للاختيار، {approve} يعتمد (يُنشر كما يظهر تمامًا)، {back} يعيده إلى كاتبه مع تعليق، Esc يغلق.</translation>
    </message>
</context>
</TS>
