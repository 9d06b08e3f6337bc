<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
    <context>
        <name>BodyEditor</name>
        <message>
            <location filename="../../widgets/editors.py" line="67" />
            <source>English update</source>
            <translation>التحديث بالإنجليزية</translation>
        </message>
        <message>
            <location filename="../../widgets/editors.py" line="67" />
            <source>Arabic update</source>
            <translation>التحديث بالعربية</translation>
        </message>
    </context>
    <context>
        <name>Editors</name>
        <message>
            <location filename="../../widgets/editors.py" line="22" />
            <source>English: what is happening, what users see, when the next update comes</source>
            <translation>الإنجليزية: ما الذي يحدث، وما يراه المستخدمون، وموعد التحديث القادم</translation>
        </message>
        <message>
            <location filename="../../widgets/editors.py" line="28" />
            <source>Title in English</source>
            <translation>العنوان بالإنجليزية</translation>
        </message>
    </context>
    <context>
        <name>Forms</name>
        <message>
            <location filename="../../widgets/forms.py" line="26" />
            <source>Both (English and Arabic)</source>
            <translation>كلتاهما (الإنجليزية والعربية)</translation>
        </message>
        <message>
            <location filename="../../widgets/forms.py" line="27" />
            <source>English only</source>
            <translation>الإنجليزية فقط</translation>
        </message>
        <message>
            <location filename="../../widgets/forms.py" line="28" />
            <source>Arabic only</source>
            <translation>العربية فقط</translation>
        </message>
        <message>
            <location filename="../../widgets/forms.py" line="98" />
            <source>Could not {doing}: internal error ({error}).</source>
            <translation>تعذّر تنفيذ «{doing}»: خطأ داخلي ({error}).</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Incident</source>
            <translation>عطل</translation>
        </message>
        <message>
            <source>Maintenance</source>
            <translation>صيانة</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="51" />
            <source>Investigating</source>
            <translation>قيد التحقيق</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="52" />
            <source>Identified</source>
            <translation>تم تحديد السبب</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="53" />
            <source>Monitoring</source>
            <translation>قيد المراقبة</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="54" />
            <source>Resolved</source>
            <translation>تم الحل</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="55" />
            <source>Scheduled</source>
            <translation>مجدولة</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="56" />
            <source>In progress</source>
            <translation>جارية</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="57" />
            <source>Verifying</source>
            <translation>قيد التحقق</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="58" />
            <source>Completed</source>
            <translation>مكتملة</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="61" />
            <source>None</source>
            <translation>لا أثر</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="62" />
            <source>Minor</source>
            <translation>طفيف</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="63" />
            <source>Major</source>
            <translation>كبير</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="64" />
            <source>Critical</source>
            <translation>حرج</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="67" />
            <source>Operational</source>
            <translation>يعمل</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="68" />
            <source>Degraded performance</source>
            <translation>أداء منخفض</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="69" />
            <source>Partial outage</source>
            <translation>انقطاع جزئي</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="70" />
            <source>Major outage</source>
            <translation>انقطاع كبير</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="71" />
            <source>Under maintenance</source>
            <translation>قيد الصيانة</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="74" />
            <source>pending</source>
            <translation>في الانتظار</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="75" />
            <source>sending…</source>
            <translation>جارٍ الإرسال…</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="76" />
            <source>sent</source>
            <translation>أُرسل</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="77" />
            <source>will retry</source>
            <translation>ستُعاد المحاولة</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="78" />
            <source>failed</source>
            <translation>فشل</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="79" />
            <source>unknown (checking…)</source>
            <translation>غير معروف (جارٍ التحقق…)</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="80" />
            <source>needs decision</source>
            <translation>يحتاج إلى قرار</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="81" />
            <source>skipped</source>
            <translation>تُخطّي</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="108" />
            <source>retrying…</source>
            <translation>جارٍ إعادة المحاولة…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../widgets/labels.py" line="110" />
            <source>retry in %n s</source>
            <translation>
                <numerusform>إعادة المحاولة الآن</numerusform>
                <numerusform>إعادة المحاولة بعد ثانية</numerusform>
                <numerusform>إعادة المحاولة بعد ثانيتين</numerusform>
                <numerusform>إعادة المحاولة بعد %n ثوانٍ</numerusform>
                <numerusform>إعادة المحاولة بعد %n ثانية</numerusform>
                <numerusform>إعادة المحاولة بعد %n ثانية</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="113" />
            <source>retry in {minutes} min {seconds} s</source>
            <translation>إعادة المحاولة بعد {minutes} د {seconds} ث</translation>
        </message>
        <message numerus="yes">
            <location filename="../../widgets/labels.py" line="116" />
            <source>retry in %n min</source>
            <translation>
                <numerusform>إعادة المحاولة الآن</numerusform>
                <numerusform>إعادة المحاولة بعد دقيقة</numerusform>
                <numerusform>إعادة المحاولة بعد دقيقتين</numerusform>
                <numerusform>إعادة المحاولة بعد %n دقائق</numerusform>
                <numerusform>إعادة المحاولة بعد %n دقيقة</numerusform>
                <numerusform>إعادة المحاولة بعد %n دقيقة</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="150" />
            <source>no reason recorded</source>
            <translation>لم يُسجَّل سبب</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="153" />
            <source>someone</source>
            <translation>شخص ما</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="154" />
            <source>{channel}: waiting to be sent again (retried by {who})</source>
            <translation>{channel}: ينتظر الإرسال مجددًا (أعاد المحاولة {who})</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="158" />
            <source>{channel}: waiting to be sent</source>
            <translation>{channel}: ينتظر الإرسال</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="160" />
            <source>{channel}: sending, attempt {attempt}</source>
            <translation>{channel}: جارٍ الإرسال، المحاولة {attempt}</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="165" />
            <source>{channel}: sent {when}</source>
            <translation>{channel}: أُرسل {when}</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="169" />
            <source>{channel}: sent</source>
            <translation>{channel}: أُرسل</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="176" />
            <source>{channel}: attempt {attempt} did not go through; trying again at {when}</source>
            <translation>{channel}: لم تنجح المحاولة {attempt}؛ المحاولة التالية في {when}</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="184" />
            <source>{channel}: attempt {attempt} did not go through; trying again soon</source>
            <translation>{channel}: لم تنجح المحاولة {attempt}؛ المحاولة التالية قريبًا</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="187" />
            <source>temporary failure</source>
            <translation>إخفاق مؤقت</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="189" />
            <source>{channel}: the last attempt may or may not have landed; checking with the channel</source>
            <translation>{channel}: قد تكون المحاولة الأخيرة وصلت وقد لا تكون؛ جارٍ التحقق مع القناة</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="193" />
            <source>no error recorded</source>
            <translation>لم يُسجَّل خطأ</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="196" />
            <source>{channel}: skipped by {who}: {reason}</source>
            <translation>{channel}: تخطّاه {who}: {reason}</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="200" />
            <source>{channel}: skipped: {reason}</source>
            <translation>{channel}: تُخطّي: {reason}</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="204" />
            <source>{channel} failed: {reason}</source>
            <translation>فشل {channel}: {reason}</translation>
        </message>
        <message>
            <location filename="../../widgets/labels.py" line="208" />
            <source>{channel} needs a decision: {reason}</source>
            <translation>{channel} يحتاج إلى قرار: {reason}</translation>
        </message>
    </context>
    <context>
        <name>Popups</name>
        <message>
            <location filename="../../widgets/popups.py" line="96" />
            <source>{verb} which update?</source>
            <translation>{verb}: أي تحديث؟</translation>
        </message>
        <message>
            <location filename="../../widgets/popups.py" line="97" />
            <source>{verb} which update? ↑/↓ to choose, Enter to {action}, Esc.</source>
            <translation>{verb}: أي تحديث؟ ↑/↓ للاختيار، Enter لـ{action}، Esc للإلغاء.</translation>
        </message>
        <message>
            <location filename="../../widgets/popups.py" line="99" />
            <source>{verb} which delivery?</source>
            <translation>{verb}: أي إرسال؟</translation>
        </message>
        <message>
            <location filename="../../widgets/popups.py" line="100" />
            <source>{verb} which delivery? ↑/↓ to choose, Enter to {action}, Esc.</source>
            <translation>{verb}: أي إرسال؟ ↑/↓ للاختيار، Enter لـ{action}، Esc للإلغاء.</translation>
        </message>
        <message>
            <location filename="../../widgets/popups.py" line="129" />
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
    </context>
    <context>
        <name>ProblemList</name>
        <message>
            <location filename="../../widgets/problems.py" line="47" />
            <source>Problems</source>
            <translation>المشكلات</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <location filename="../../widgets/problems.py" line="16" />
            <source>Update</source>
            <translation>التحديث</translation>
        </message>
        <message>
            <location filename="../../widgets/problems.py" line="17" />
            <source>English text</source>
            <translation>النص الإنجليزي</translation>
        </message>
        <message>
            <location filename="../../widgets/problems.py" line="18" />
            <source>Arabic text</source>
            <translation>النص العربي</translation>
        </message>
        <message>
            <location filename="../../widgets/problems.py" line="19" />
            <source>Title</source>
            <translation>العنوان</translation>
        </message>
        <message>
            <location filename="../../widgets/problems.py" line="20" />
            <source>English title</source>
            <translation>العنوان الإنجليزي</translation>
        </message>
        <message>
            <location filename="../../widgets/problems.py" line="21" />
            <source>Arabic title</source>
            <translation>العنوان العربي</translation>
        </message>
        <message>
            <location filename="../../widgets/problems.py" line="22" />
            <source>State</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <location filename="../../widgets/problems.py" line="23" />
            <source>Channels</source>
            <translation>القنوات</translation>
        </message>
        <message>
            <location filename="../../widgets/problems.py" line="24" />
            <source>Incident</source>
            <translation>العطل</translation>
        </message>
        <message>
            <location filename="../../widgets/problems.py" line="25" />
            <source>Workspace</source>
            <translation>مساحة العمل</translation>
        </message>
        <message>
            <location filename="../../widgets/problems.py" line="26" />
            <source>Publish</source>
            <translation>النشر</translation>
        </message>
    </context>
    <context>
        <name>ReasonPopup</name>
        <message>
            <location filename="../../widgets/reason_popup.py" line="59" />
            <source>&amp;Reason:</source>
            <translation>ال&amp;سبب:</translation>
        </message>
        <message>
            <location filename="../../widgets/reason_popup.py" line="79" />
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
    </context>
    <context>
        <name>SkipReasonDialog</name>
        <message>
            <location filename="../../widgets/reason_popup.py" line="121" />
            <source>skip {channel}</source>
            <translation>تخطي {channel}</translation>
        </message>
        <message>
            <location filename="../../widgets/reason_popup.py" line="124" />
            <source>Skip {channel} for this update? It will not be sent there, and the reason is recorded in the timeline.</source>
            <translation>أتتخطى {channel} في هذا التحديث؟ لن يُرسل إليها، ويُسجَّل السبب في السجل الزمني.</translation>
        </message>
        <message>
            <location filename="../../widgets/reason_popup.py" line="131" />
            <source>e.g. the channel's account is suspended; posted by hand</source>
            <translation>مثلًا: حساب القناة معلّق؛ نُشر يدويًا</translation>
        </message>
        <message>
            <location filename="../../widgets/reason_popup.py" line="134" />
            <source>Reason for skipping</source>
            <translation>سبب التخطي</translation>
        </message>
        <message>
            <location filename="../../widgets/reason_popup.py" line="135" />
            <source>Skip {channel}</source>
            <translation>تخطي {channel}</translation>
        </message>
        <message>
            <location filename="../../widgets/reason_popup.py" line="136" />
            <source>Say why {channel} is skipped: the reason is what the timeline will show for this silence.</source>
            <translation>اذكر سبب تخطي {channel}: السبب هو ما سيعرضه السجل الزمني عن هذا الصمت.</translation>
        </message>
    </context>
    <context>
        <name>TitleEdit</name>
        <message>
            <location filename="../../widgets/editors.py" line="89" />
            <source>English title</source>
            <translation>العنوان الإنجليزي</translation>
        </message>
        <message>
            <location filename="../../widgets/editors.py" line="89" />
            <source>Arabic title</source>
            <translation>العنوان العربي</translation>
        </message>
    </context>
</TS>
