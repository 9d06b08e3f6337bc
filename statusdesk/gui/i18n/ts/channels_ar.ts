<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AddChannelForm</name>
    <message>
        <location filename="../../channels/channel_forms.py" line="410" />
        <source>Add a channel</source>
        <translation>إضافة قناة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="424" />
        <source>&amp;Kind:</source>
        <translation>ال&amp;نوع:</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="424" />
        <source>Kind of the new channel</source>
        <translation>نوع القناة الجديدة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="427" />
        <source>letters, digits, - or _ (e.g. ops-hook)</source>
        <translation>حروف وأرقام و- أو _ (مثل ops-hook)</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="428" />
        <source>Na&amp;me:</source>
        <translation>الا&amp;سم:</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="428" />
        <source>Name of the new channel</source>
        <translation>اسم القناة الجديدة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="431" />
        <source>&amp;Language:</source>
        <translation>ال&amp;لغة:</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="431" />
        <source>Language of the new channel</source>
        <translation>لغة القناة الجديدة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="434" />
        <source>O&amp;rder:</source>
        <translation>ال&amp;ترتيب:</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="434" />
        <source>Which language comes first</source>
        <translation>أي اللغتين تأتي أولًا</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="435" />
        <location filename="../../channels/channel_forms.py" line="514" />
        <source>&amp;Add channel</source>
        <translation>&amp;أضف القناة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="479" />
        <source>setting {setting}; {hint}</source>
        <translation>الإعداد {setting}؛ {hint}</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="484" />
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="514" />
        <source>Adding…</source>
        <translation>جارٍ الإضافة…</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="550" />
        <source>Added the {kind} channel {name}; it is selected above.</source>
        <translation>أُضيفت قناة {kind} باسم {name}، وهي محددة أعلاه.</translation>
    </message>
</context>
<context>
    <name>ChannelForms</name>
    <message>
        <location filename="../../channels/channel_forms.py" line="58" />
        <source>webhook — JSON POSTed to a URL</source>
        <translation>webhook — ‏JSON يُرسل بطلب POST إلى عنوان URL</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="62" />
        <source>URL</source>
        <translation>عنوان URL</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="67" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="68" />
        <source>statusdesk (the default), slack, discord or teams</source>
        <translation>statusdesk (الافتراضي) أو slack أو discord أو teams</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="75" />
        <source>x — posts and threads on X</source>
        <translation>x — منشورات وسلاسل على X</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="79" />
        <source>Sign-in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="80" />
        <source>oauth1 (the default) or oauth2</source>
        <translation>oauth1 (الافتراضي) أو oauth2</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="84" />
        <location filename="../../channels/channel_forms.py" line="214" />
        <location filename="../../channels/channel_forms.py" line="231" />
        <source>API address</source>
        <translation>عنوان الواجهة البرمجية</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="85" />
        <source>empty for https://api.x.com</source>
        <translation>فارغ لاستخدام https://api.x.com</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="89" />
        <source>Split long posts</source>
        <translation>تقسيم المنشورات الطويلة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="90" />
        <source>on (the default) or off</source>
        <translation>on (الافتراضي) أو off</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="94" />
        <location filename="../../channels/channel_forms.py" line="114" />
        <location filename="../../channels/channel_forms.py" line="136" />
        <location filename="../../channels/channel_forms.py" line="236" />
        <source>Threads</source>
        <translation>السلاسل</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="95" />
        <location filename="../../channels/channel_forms.py" line="115" />
        <location filename="../../channels/channel_forms.py" line="137" />
        <location filename="../../channels/channel_forms.py" line="237" />
        <source>incident (the default): replies to its last post; or update</source>
        <translation>incident (الافتراضي): ردٌّ على آخر منشور للحادثة؛ أو update</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="102" />
        <source>mastodon — posts and threads on a Mastodon instance</source>
        <translation>mastodon — منشورات وسلاسل على خادم Mastodon</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="105" />
        <source>Instance</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="109" />
        <source>Visibility</source>
        <translation>الظهور</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="110" />
        <source>public (the default) or unlisted</source>
        <translation>public (الافتراضي) أو unlisted</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="122" />
        <source>bluesky — posts and threads on Bluesky</source>
        <translation>bluesky — منشورات وسلاسل على Bluesky</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="126" />
        <source>Handle</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="127" />
        <source>acme.bsky.social (without the @)</source>
        <translation>acme.bsky.social (دون @)</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="131" />
        <source>Server (PDS)</source>
        <translation>الخادم (PDS)</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="132" />
        <source>empty for https://bsky.social</source>
        <translation>فارغ لاستخدام https://bsky.social</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="144" />
        <source>email — to subscribers over SMTP</source>
        <translation>email — إلى المشتركين عبر SMTP</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="146" />
        <source>SMTP server</source>
        <translation>خادم SMTP</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="149" />
        <location filename="../../channels/channel_forms.py" line="288" />
        <source>Port</source>
        <translation>المنفذ</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="150" />
        <source>empty for 587 (starttls) or 465 (tls)</source>
        <translation>فارغ لاستخدام 587 ‏(starttls) أو 465 ‏(tls)</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="154" />
        <source>Security</source>
        <translation>الأمان</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="155" />
        <source>starttls (the default), tls or none</source>
        <translation>starttls (الافتراضي) أو tls أو none</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="159" />
        <location filename="../../channels/channel_forms.py" line="294" />
        <source>User name</source>
        <translation>اسم المستخدم</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="160" />
        <source>empty for a relay without AUTH</source>
        <translation>فارغ لخادم ترحيل دون AUTH</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="164" />
        <source>From</source>
        <translation>المرسل</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="165" />
        <source>Acme Status &lt;status@example.com&gt;</source>
        <translation>Acme Status &lt;status@example.com&gt;</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="169" />
        <source>Fixed recipients</source>
        <translation>مستلمون ثابتون</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="170" />
        <source>empty: the subscribers; or a@x.com, b@y.com</source>
        <translation>فارغ: المشتركون؛ أو a@x.com, b@y.com</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="174" />
        <source>Unsubscribe address</source>
        <translation>عنوان إلغاء الاشتراك</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="179" />
        <source>Allow plaintext</source>
        <translation>السماح بالنص غير المشفر</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="180" />
        <source>yes, only with security none</source>
        <translation>yes، ومع الأمان none فقط</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="184" />
        <source>Arabic digits</source>
        <translation>الأرقام العربية</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="185" />
        <source>latn (the default) or arab</source>
        <translation>latn (الافتراضي) أو arab</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="189" />
        <source>Connections</source>
        <translation>الاتصالات</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="190" />
        <source>1 (the default) to 8 SMTP sessions at once</source>
        <translation>من 1 (الافتراضي) إلى 8 جلسات SMTP في وقت واحد</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="194" />
        <source>Messages a second</source>
        <translation>الرسائل في الثانية</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="195" />
        <source>empty for no limit; your provider's limit</source>
        <translation>فارغ لعدم التقييد؛ أو حدّ مزوّدك</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="200" />
        <source>statuspage — an Atlassian Statuspage</source>
        <translation>statuspage — صفحة Atlassian Statuspage</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="204" />
        <source>Page id</source>
        <translation>معرّف الصفحة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="205" />
        <source>kctbh9vrtdwd (Your page → API info)</source>
        <translation>kctbh9vrtdwd ‏(Your page → API info)</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="209" />
        <source>Components</source>
        <translation>المكونات</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="215" />
        <source>empty for https://api.statuspage.io</source>
        <translation>فارغ لاستخدام https://api.statuspage.io</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="220" />
        <source>telegram — messages to a Telegram channel or group</source>
        <translation>telegram — رسائل إلى قناة أو مجموعة على Telegram</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="224" />
        <source>Chat</source>
        <translation>المحادثة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="225" />
        <source>@acme_status or -1001234567890 (the bot must be an admin)</source>
        <translation>‎@acme_status أو ‎-1001234567890 (يجب أن يكون البوت مشرفًا)</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="232" />
        <source>empty for https://api.telegram.org</source>
        <translation>فارغ لاستخدام https://api.telegram.org</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="244" />
        <source>site — a status page, here or published to git, sftp or s3</source>
        <translation>site — صفحة حالة، هنا أو منشورة إلى git أو sftp أو s3</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="250" />
        <source>Public address</source>
        <translation>العنوان العام</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="251" />
        <source>https://status.example.com (for absolute links)</source>
        <translation>https://status.example.com (للروابط المطلقة)</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="257" />
        <source>Publish to</source>
        <translation>النشر إلى</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="258" />
        <source>empty: this machine only; or git, sftp, s3</source>
        <translation>فارغ: هذا الجهاز فقط؛ أو git أو sftp أو s3</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="262" />
        <source>Git remote</source>
        <translation>مستودع Git البعيد</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="263" />
        <source>https://…, ssh://git@host/repo.git, file://, a path</source>
        <translation>https://…‏ أو ssh://git@host/repo.git أو file://‏ أو مسار</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="270" />
        <source>Branch</source>
        <translation>الفرع</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="271" />
        <source>empty for gh-pages</source>
        <translation>فارغ لاستخدام gh-pages</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="276" />
        <source>Commit author</source>
        <translation>مؤلف الإيداع</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="277" />
        <source>empty for statusdesk &lt;statusdesk@localhost&gt;</source>
        <translation>فارغ لاستخدام statusdesk &lt;statusdesk@localhost&gt;</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="282" />
        <source>SFTP server</source>
        <translation>خادم SFTP</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="289" />
        <source>empty for 22</source>
        <translation>فارغ لاستخدام 22</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="300" />
        <source>Folder</source>
        <translation>المجلد</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="306" />
        <source>S3 endpoint</source>
        <translation>نقطة نهاية S3</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="307" />
        <source>https://s3.eu-west-1.amazonaws.com, R2, MinIO…</source>
        <translation>https://s3.eu-west-1.amazonaws.com أو R2 أو MinIO…</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="312" />
        <source>Bucket</source>
        <translation>الحاوية</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="318" />
        <source>Prefix</source>
        <translation>البادئة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="319" />
        <source>empty for the bucket's root</source>
        <translation>فارغ لجذر الحاوية</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="324" />
        <source>Region</source>
        <translation>المنطقة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="325" />
        <source>eu-west-1 (auto for R2)</source>
        <translation>eu-west-1 ‏(auto لـR2)</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="333" />
        <source>English first</source>
        <translation>الإنجليزية أولًا</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="334" />
        <source>Arabic first</source>
        <translation>العربية أولًا</translation>
    </message>
    <message>
        <location filename="../../channels/channel_forms.py" line="357" />
        <source>{kind} — settings through `statusdesk channel add {kind} NAME --set k=v`</source>
        <translation>{kind} — الإعدادات عبر `statusdesk channel add {kind} NAME --set k=v`</translation>
    </message>
</context>
<context>
    <name>ChannelTable</name>
    <message>
        <location filename="../../channels/channel_parts.py" line="49" />
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="50" />
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="51" />
        <source>Enabled</source>
        <translation>مفعّلة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="52" />
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="53" />
        <source>Order</source>
        <translation>الترتيب</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="54" />
        <source>Secrets set</source>
        <translation>الأسرار المحفوظة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="125" />
        <source>Channels</source>
        <translation>القنوات</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="157" />
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="157" />
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="160" />
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
</context>
<context>
    <name>ChannelsDialog</name>
    <message>
        <location filename="../../channels/channel_parts.py" line="277" />
        <source>remove the channel?</source>
        <translation>إزالة القناة؟</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="278" />
        <source>Remove the {kind} channel {name}?</source>
        <translation>أتزيل قناة {kind} المسماة {name}؟</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="281" />
        <source>No update goes to it any more; what it has not sent yet is skipped, with this as the reason; its secrets are deleted from the keyring. What it already published stays in the record under its name.</source>
        <translation>لن يذهب إليها أي تحديث بعد الآن؛ وما لم تُرسله بعد يُتخطى ويُذكر هذا سببًا، وتُحذف أسرارها من حلقة المفاتيح. أما ما نشرته من قبل فيبقى في السجل باسمها.</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="287" />
        <source>&amp;Remove {name}</source>
        <translation>أ&amp;زل {name}</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="288" />
        <source>&amp;Keep it</source>
        <translation>أ&amp;بقِها</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="295" />
        <source>Removed {name}; what it already published stays in the record.</source>
        <translation>أُزيلت {name}؛ ويبقى ما نشرته من قبل في السجل.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../channels/channel_parts.py" line="301" />
        <source>{count} delivery(ies) it had not sent were skipped.</source>
        <translation><numerusform>عدد التسليمات التي لم تُرسلها وتُخطيت: {count}.</numerusform><numerusform>عدد التسليمات التي لم تُرسلها وتُخطيت: {count}.</numerusform><numerusform>عدد التسليمات التي لم تُرسلها وتُخطيت: {count}.</numerusform><numerusform>عدد التسليمات التي لم تُرسلها وتُخطيت: {count}.</numerusform><numerusform>عدد التسليمات التي لم تُرسلها وتُخطيت: {count}.</numerusform><numerusform>عدد التسليمات التي لم تُرسلها وتُخطيت: {count}.</numerusform></translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="306" />
        <source>Deleted from the keyring: {secrets}.</source>
        <translation>حُذف من حلقة المفاتيح: {secrets}.</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="71" />
        <source>channels</source>
        <translation>القنوات</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="120" />
        <source>&amp;Channels:</source>
        <translation>ال&amp;قنوات:</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="131" />
        <source>&amp;Test</source>
        <translation>ا&amp;ختبر</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="134" />
        <source>Disa&amp;ble</source>
        <translation>ع&amp;طّل</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="137" />
        <location filename="../../channels/channels_dialog.py" line="252" />
        <source>R&amp;emove…</source>
        <translation>أ&amp;زل…</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="149" />
        <source>Testing the channel</source>
        <translation>جارٍ اختبار القناة</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="230" />
        <source>Cannot read the channels: {error}</source>
        <translation>تعذّرت قراءة القنوات: {error}</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="247" />
        <source>&amp;Test {name}</source>
        <translation>ا&amp;ختبر {name}</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="249" />
        <source>Disa&amp;ble {name}</source>
        <translation>ع&amp;طّل {name}</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="250" />
        <source>Ena&amp;ble {name}</source>
        <translation>ف&amp;عّل {name}</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="252" />
        <source>R&amp;emove {name}…</source>
        <translation>أ&amp;زل {name}…</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="290" />
        <source>Testing {name}… (nothing is published)</source>
        <translation>جارٍ اختبار {name}… (لا يُنشر شيء)</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="298" />
        <source>Test failed: {error}</source>
        <translation>فشل الاختبار: {error}</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="315" />
        <source>{name} is enabled: new updates go to it unless you untick it.</source>
        <translation>{name} مفعّلة: تذهب إليها التحديثات الجديدة ما لم تُزل علامتها.</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="317" />
        <source>{name} is disabled: new updates go to it only if you tick it.</source>
        <translation>{name} معطّلة: لا تذهب إليها التحديثات الجديدة إلا إن وضعت علامتها.</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="323" />
        <location filename="../../channels/channels_dialog.py" line="422" />
        <source>{name} unchanged: {error}</source>
        <translation>لم تتغير {name}: {error}</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="339" />
        <source>Type the value of {secret} first; nothing was stored.</source>
        <translation>اكتب قيمة {secret} أولًا؛ لم يُحفظ شيء.</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="348" />
        <source>Storing {secret} of {name} in the keyring…</source>
        <translation>جارٍ حفظ {secret} الخاص بـ{name} في حلقة المفاتيح…</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="353" />
        <source>Stored {secret} of {name} in the keyring ({keyring}).</source>
        <translation>حُفظ {secret} الخاص بـ{name} في حلقة المفاتيح ({keyring}).</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="361" />
        <source>{secret} of {name} was not stored. {error}</source>
        <translation>لم يُحفظ {secret} الخاص بـ{name}. {error}</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="398" />
        <source>Nothing changed in {name}'s settings.</source>
        <translation>لم يتغير شيء في إعدادات {name}.</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="407" />
        <source>Saving {name}'s settings…</source>
        <translation>جارٍ حفظ إعدادات {name}…</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="414" />
        <source>Saved {name}'s settings; new updates use them.</source>
        <translation>حُفظت إعدادات {name}، وستستخدمها التحديثات الجديدة.</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="451" />
        <source>Removing {name}…</source>
        <translation>جارٍ إزالة {name}…</translation>
    </message>
    <message>
        <location filename="../../channels/channels_dialog.py" line="463" />
        <source>{name} not removed: {error}</source>
        <translation>لم تُزل {name}: {error}</translation>
    </message>
</context>
<context>
    <name>EditChannelForm</name>
    <message>
        <location filename="../../channels/channel_edit.py" line="57" />
        <location filename="../../channels/channel_edit.py" line="97" />
        <source>Settings (choose a channel above)</source>
        <translation>الإعدادات (اختر قناة أعلاه)</translation>
    </message>
    <message>
        <location filename="../../channels/channel_edit.py" line="69" />
        <source>Lan&amp;guage:</source>
        <translation>الل&amp;غة:</translation>
    </message>
    <message>
        <location filename="../../channels/channel_edit.py" line="69" />
        <source>Language of the channel</source>
        <translation>لغة القناة</translation>
    </message>
    <message>
        <location filename="../../channels/channel_edit.py" line="72" />
        <source>Or&amp;der:</source>
        <translation>التر&amp;تيب:</translation>
    </message>
    <message>
        <location filename="../../channels/channel_edit.py" line="72" />
        <source>Which language comes first</source>
        <translation>أي اللغتين تأتي أولًا</translation>
    </message>
    <message>
        <location filename="../../channels/channel_edit.py" line="73" />
        <source>Save setti&amp;ngs</source>
        <translation>احفظ الإ&amp;عدادات</translation>
    </message>
    <message>
        <location filename="../../channels/channel_edit.py" line="100" />
        <source>Settings of {name} ({kind})</source>
        <translation>إعدادات {name} ‏({kind})</translation>
    </message>
    <message>
        <location filename="../../channels/channel_edit.py" line="108" />
        <source>{setting}: {hint}; empty: the default</source>
        <translation>{setting}: {hint}؛ فارغ: القيمة الافتراضية</translation>
    </message>
    <message>
        <location filename="../../channels/channel_edit.py" line="113" />
        <source>{label} of {channel}</source>
        <translation>{label} في {channel}</translation>
    </message>
    <message>
        <location filename="../../channels/channel_edit.py" line="115" />
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
</context>
<context>
    <name>KeyringLine</name>
    <message>
        <location filename="../../channels/channel_parts.py" line="99" />
        <source>Looking up the keyring…</source>
        <translation>جارٍ البحث عن حلقة المفاتيح…</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="102" />
        <source>Channel secrets are kept in the OS keyring: {keyring}.</source>
        <translation>تُحفظ أسرار القنوات في حلقة مفاتيح النظام: {keyring}.</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="108" />
        <source>⚠ {error} Until then no secret can be stored: statusdesk never keeps them in plain text.</source>
        <translation>⚠ {error} وإلى ذلك الحين لا يمكن حفظ أي سر: فلا يحفظ statusdesk الأسرار نصًّا صريحًا أبدًا.</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="113" />
        <source>⚠ Cannot tell which keyring holds the secrets: {error}</source>
        <translation>⚠ تعذّر معرفة حلقة المفاتيح التي تحفظ الأسرار: {error}</translation>
    </message>
</context>
<context>
    <name>SecretForm</name>
    <message>
        <location filename="../../channels/channel_parts.py" line="188" />
        <source>Secrets</source>
        <translation>الأسرار</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="196" />
        <source>&amp;Secret:</source>
        <translation>ال&amp;سر:</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="196" />
        <source>Secret to set</source>
        <translation>السر المراد حفظه</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="206" />
        <source>never shown; kept in the keyring only</source>
        <translation>لا يظهر أبدًا؛ ويُحفظ في حلقة المفاتيح فقط</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="207" />
        <source>&amp;Value:</source>
        <translation>ال&amp;قيمة:</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="207" />
        <source>Secret value (hidden)</source>
        <translation>قيمة السر (مخفية)</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="208" />
        <source>St&amp;ore in keyring</source>
        <translation>احف&amp;ظ في حلقة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="229" />
        <source>{secret} — set</source>
        <translation>{secret} — محفوظ</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="229" />
        <source>{secret} — not set</source>
        <translation>{secret} — غير محفوظ</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="237" />
        <source>Secrets (choose a channel above)</source>
        <translation>الأسرار (اختر قناة أعلاه)</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="239" />
        <source>Secrets of {name}: a {kind} channel takes none</source>
        <translation>أسرار {name}: قناة {kind} لا تأخذ أسرارًا</translation>
    </message>
    <message>
        <location filename="../../channels/channel_parts.py" line="242" />
        <source>Secrets of {name}</source>
        <translation>أسرار {name}</translation>
    </message>
</context>
</TS>
