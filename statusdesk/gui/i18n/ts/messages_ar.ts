<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Delivery</name>
    <message>
        <location filename="../../../channels/base.py" line="79"/>
        <source>{cause}; {then}</source>
        <translation>{cause}؛ {then}</translation>
    </message>
    <message>
        <location filename="../../../channels/base.py" line="80"/>
        <source>{cause} {then}</source>
        <translation>{cause} {then}</translation>
    </message>
    <message>
        <location filename="../../../channels/base.py" line="81"/>
        <source>{cause}. {then}</source>
        <translation>{cause}. {then}</translation>
    </message>
    <message>
        <location filename="../../../channels/base.py" line="114"/>
        <source>Will retry.</source>
        <translation>ستُعاد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="13"/>
        <source>{channel}: nothing was sent: {problem}.</source>
        <translation>{channel}: لم يُرسَل شيء: {problem}.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="14"/>
        <source>{channel}: {server} does not offer STARTTLS, and statusdesk sends nothing (least of all a password) without TLS. Use the server&apos;s TLS port: --set security=tls --set port=465, or 587 with STARTTLS.</source>
        <translation>{channel}: لا يعرض {server} الأمر STARTTLS، ولا يرسل statusdesk شيئًا بلا TLS (وأولى ذلك كلمة المرور). استخدم منفذ TLS في الخادم: ‎--set security=tls --set port=465، أو 587 مع STARTTLS.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="20"/>
        <source>{channel}: no password to log in with.</source>
        <translation>{channel}: لا توجد كلمة مرور لتسجيل الدخول بها.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="21"/>
        <source>{channel}: {server} offers no login (AUTH) over {security}. If it relays without one, remove the username (--set username=); otherwise check the host and port.</source>
        <translation>{channel}: لا يعرض {server} تسجيل الدخول (AUTH) عبر {security}. إن كان يمرّر البريد بلا تسجيل دخول فاحذف اسم المستخدم (‎--set username=)؛ وإلا فتحقّق من الخادم والمنفذ.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="26"/>
        <source>{channel}: {server} offers only {methods} login methods; statusdesk logs in with PLAIN or LOGIN (over TLS).</source>
        <translation>{channel}: لا يعرض {server} من طرق تسجيل الدخول إلا {methods}؛ ويسجّل statusdesk الدخول بطريقة PLAIN أو LOGIN (عبر TLS).</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="31"/>
        <source>{channel}: {server} could not check the login now ({said}).</source>
        <translation>{channel}: تعذّر على {server} التحقق من تسجيل الدخول الآن ({said}).</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="34"/>
        <source>{channel}: the SMTP server refused the username/password ({said}) — set it with `statusdesk channel secret {channel} password` (and the username with `statusdesk channel add`&apos;s --set username=…), then retry this delivery.</source>
        <translation>{channel}: رفض خادم SMTP اسم المستخدم أو كلمة المرور ({said}) — اضبطها بالأمر `statusdesk channel secret {channel} password` (واسم المستخدم بالخيار ‎--set username=… من `statusdesk channel add`)، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="40"/>
        <source>{channel}: {server} answered {step} with {said}.</source>
        <translation>{channel}: أجاب {server} عن {step} بـ {said}.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="41"/>
        <source>{channel}: {server} refused {step} ({said}). Check the host, port and security settings.</source>
        <translation>{channel}: رفض {server} {step} ({said}). تحقّق من إعدادات الخادم والمنفذ والأمان.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="45"/>
        <source>the connection</source>
        <translation>الاتصال</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="46"/>
        <source>the greeting</source>
        <translation>التحية</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="47"/>
        <source>the message</source>
        <translation>الرسالة</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="48"/>
        <source>{channel}: the TLS certificate of {server} is not trusted ({error}). Fix the server&apos;s certificate, or point SSL_CERT_FILE at your company&apos;s CA; statusdesk never turns verification off.</source>
        <translation>{channel}: شهادة TLS الخاصة بـ{server} غير موثوقة ({error}). أصلح شهادة الخادم، أو اجعل SSL_CERT_FILE يشير إلى جهة إصدار الشهادات في شركتك؛ فلا يوقف statusdesk التحقق أبدًا.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="54"/>
        <source>{channel}: the TLS handshake with {server} failed ({error}). Check that security matches the port: tls for 465, starttls for 587.</source>
        <translation>{channel}: فشلت مصافحة TLS مع {server} ({error}). تحقّق من أن security يوافق المنفذ: tls للمنفذ 465، وstarttls للمنفذ 587.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="59"/>
        <source>{channel}: {server} does not support what was asked ({error}).</source>
        <translation>{channel}: لا يدعم {server} ما طُلب منه ({error}).</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="62"/>
        <source>{channel}: cannot resolve {host}. Check the network and the host setting.</source>
        <translation>{channel}: يتعذّر العثور على عنوان {host}. تحقّق من الشبكة ومن الإعداد host.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="65"/>
        <source>{channel}: cannot connect to {server} (is the server up and the port right?).</source>
        <translation>{channel}: يتعذّر الاتصال بـ{server} (هل الخادم يعمل والمنفذ صحيح؟).</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="68"/>
        <source>{channel}: no answer from {server} within {seconds} s; nothing was sent.</source>
        <translation>{channel}: لم يصل ردّ من {server} خلال {seconds} ث؛ لم يُرسَل شيء.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="71"/>
        <source>{channel}: {server} closed the connection before anything was sent ({error}).</source>
        <translation>{channel}: أغلق {server} الاتصال قبل إرسال أي شيء ({error}).</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="75"/>
        <source>{channel}: connecting to {server} failed ({error}).</source>
        <translation>{channel}: فشل الاتصال بـ{server} ({error}).</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="76"/>
        <source>{channel}: {server} requires a login to send ({said}). Set --set username=… and `statusdesk channel secret {channel} password`, then retry this delivery.</source>
        <translation>{channel}: يشترط {server} تسجيل الدخول للإرسال ({said}). اضبط ‎--set username=… و`statusdesk channel secret {channel} password`، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="81"/>
        <source>{channel}: {server} refused the sender {sender} ({said}). Set `from` to an address this account may send as, then retry this delivery.</source>
        <translation>{channel}: رفض {server} المرسِل {sender} ({said}). اجعل `from` عنوانًا يحق لهذا الحساب الإرسال باسمه، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="27"/>
        <source>it may have arrived, so it is checked before being sent again.</source>
        <translation>ربما وصل، لذا يُتحقَّق من ذلك قبل إرساله مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="35"/>
        <source>{channel}: {host} answered {reason}.</source>
        <translation>{channel}: أجاب {host} بـ {reason}.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="36"/>
        <source>{channel}: {host} answered {reason}; it asked to wait {seconds} s.</source>
        <translation>{channel}: أجاب {host} بـ {reason}؛ وطلب الانتظار {seconds} ث.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="39"/>
        <source>{channel}: {host} refused the credentials ({reason}). Set the right secret with `statusdesk channel secret {channel} KEY`, then retry this delivery.</source>
        <translation>{channel}: رفض {host} بيانات الاعتماد ({reason}). اضبط السرّ الصحيح بالأمر `statusdesk channel secret {channel} KEY`، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="44"/>
        <source>{channel}: {url} does not exist ({reason}). Check the channel&apos;s url setting, then retry this delivery.</source>
        <translation>{channel}: العنوان {url} غير موجود ({reason}). تحقّق من الإعداد url للقناة، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="49"/>
        <source>{channel}: {host} redirects to {target} ({reason}). Set the channel&apos;s url to the final address, then retry this delivery.</source>
        <translation>{channel}: يُحوِّل {host} إلى {target} ({reason}). اجعل url القناة العنوان النهائي، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="54"/>
        <source>{channel}: {host} rejected the request ({reason}). Fix the channel&apos;s settings or the update, then retry this delivery.</source>
        <translation>{channel}: رفض {host} الطلب ({reason}). أصلح إعدادات القناة أو التحديث، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="59"/>
        <source>{channel}: {host} rejected the request ({reason}: {detail}). Fix the channel&apos;s settings or the update, then retry this delivery.</source>
        <translation>{channel}: رفض {host} الطلب ({reason}: {detail}). أصلح إعدادات القناة أو التحديث، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="64"/>
        <source>{channel}: nothing was sent: {problem}. Fix the channel&apos;s settings.</source>
        <translation>{channel}: لم يُرسَل شيء: {problem}. أصلح إعدادات القناة.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="67"/>
        <source>{channel}: the TLS certificate of {host} is not trusted ({error}). Fix the server&apos;s certificate, or point REQUESTS_CA_BUNDLE at your company&apos;s CA; statusdesk never turns verification off.</source>
        <translation>{channel}: شهادة TLS الخاصة بـ{host} غير موثوقة ({error}). أصلح شهادة الخادم، أو اجعل REQUESTS_CA_BUNDLE يشير إلى جهة إصدار الشهادات في شركتك؛ فلا يوقف statusdesk التحقق أبدًا.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="73"/>
        <source>{channel}: no connection to {host} within {seconds} s.</source>
        <translation>{channel}: لم يتم الاتصال بـ{host} خلال {seconds} ث.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="76"/>
        <source>{channel}: the request reached {host} but no answer came within {seconds} s</source>
        <translation>{channel}: وصل الطلب إلى {host} لكن لم يصل ردّ خلال {seconds} ث</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="79"/>
        <source>{channel}: cannot resolve {host}. Check the network and the url setting.</source>
        <translation>{channel}: يتعذّر العثور على عنوان {host}. تحقّق من الشبكة ومن الإعداد url.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="82"/>
        <source>{channel}: cannot connect to {host} (is the receiver up?).</source>
        <translation>{channel}: يتعذّر الاتصال بـ{host} (هل المستقبِل يعمل؟).</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="85"/>
        <source>{channel}: the connection to {host} broke during the request ({error})</source>
        <translation>{channel}: انقطع الاتصال بـ{host} أثناء الطلب ({error})</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="88"/>
        <source>{channel}: {url} is not a usable URL. Fix the url setting.</source>
        <translation>{channel}: {url} ليس عنوان URL صالحًا للاستخدام. أصلح الإعداد url.</translation>
    </message>
    <message>
        <location filename="../../../channels/http.py" line="91"/>
        <source>{channel}: the request to {host} failed ({error})</source>
        <translation>{channel}: فشل الطلب إلى {host} ({error})</translation>
    </message>
    <message>
        <location filename="../../../delivery/dispatcher.py" line="46"/>
        <source>{error} Check {channel} by hand, then retry or skip this delivery.</source>
        <translation>{error} تحقّق من {channel} يدويًا، ثم أعد محاولة هذا الإرسال أو تخطَّه.</translation>
    </message>
    <message>
        <location filename="../../../delivery/dispatcher.py" line="49"/>
        <source>{channel}: cannot be used ({error}).</source>
        <translation>{channel}: لا يمكن استخدامها ({error}).</translation>
    </message>
    <message>
        <location filename="../../../delivery/dispatcher.py" line="50"/>
        <source>{channel}: internal error ({error}); it may or may not have gone out. See the log, check the channel, then retry or skip this delivery.</source>
        <translation>{channel}: خطأ داخلي ({error})؛ ربما أُرسل وربما لم يُرسل. راجع السجل وتحقّق من القناة، ثم أعد محاولة هذا الإرسال أو تخطَّه.</translation>
    </message>
    <message>
        <location filename="../../../delivery/dispatcher.py" line="55"/>
        <source>statusdesk could not record this attempt ({error}); it may or may not have gone out. Check the channel, then retry or skip.</source>
        <translation>تعذّر على statusdesk تسجيل هذه المحاولة ({error})؛ ربما أُرسل وربما لم يُرسل. تحقّق من القناة، ثم أعد المحاولة أو تخطَّ الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="89"/>
        <source>{names} and {more} more</source>
        <translation>{names} و{more} غيرهم</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="90"/>
        <source>{got} of {total} recipient(s) got it and are not mailed again</source>
        <translation>وصل التحديث إلى {got} من أصل {total} من المستلمين، ولن يُراسَلوا مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="93"/>
        <source>{others}; {count} refused: {refusals}</source>
        <translation>{others}؛ ورُفض {count}: {refusals}</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="94"/>
        <source>{others}; {count} not mailed yet: {names}</source>
        <translation>{others}؛ ولم يُراسَل {count} بعد: {names}</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="95"/>
        <source>{channel}: the connection to {server} broke after the message to {names} was handed over; it may or may not have arrived, and SMTP cannot look a message up ({others}). A retry mails only the recipients not known to have it.</source>
        <translation>{channel}: انقطع الاتصال بـ{server} بعد تسليم الرسالة الموجّهة إلى {names}؛ ربما وصلت وربما لم تصل، ولا يستطيع SMTP البحث عن رسالة ({others}). إعادة المحاولة تراسل فقط المستلمين الذين لا يُعرف أنها وصلتهم.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="101"/>
        <source>{channel}: {count} of {total} recipient(s) could not be mailed yet: {names} ({reasons}); {others}.</source>
        <translation>{channel}: تعذّرت مراسلة {count} من أصل {total} من المستلمين حتى الآن: {names} ({reasons})؛ {others}.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="106"/>
        <source>no reason given</source>
        <translation>دون ذكر سبب</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="107"/>
        <source>Will retry only those.</source>
        <translation>ستُعاد المحاولة لهؤلاء فقط.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="108"/>
        <source>{channel}: {count} of {total} recipient(s) were refused: {refusals}. The other {got} got it and are not mailed again on a retry. Fix or remove these addresses (`statusdesk subscriber remove ADDR`, or the recipients setting), then retry or skip this delivery.</source>
        <translation>{channel}: رُفض {count} من أصل {total} من المستلمين: {refusals}. أما الباقون وعددهم {got} فقد وصلهم التحديث ولن يُراسَلوا مرة أخرى عند إعادة المحاولة. أصلح هذه العناوين أو احذفها (`statusdesk subscriber remove ADDR`، أو الإعداد recipients)، ثم أعد محاولة هذا الإرسال أو تخطَّه.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/said.py" line="114"/>
        <source>{channel}: it is not known whether {count} recipient(s) got the update: {names} (the connection broke after the message was handed to the server, and SMTP cannot look a message up). A retry mails only these again, with the same Message-ID; everyone else is not mailed again. Skip this delivery if they got it.</source>
        <translation>{channel}: لا يُعرف هل وصل التحديث إلى {count} من المستلمين: {names} (انقطع الاتصال بعد تسليم الرسالة إلى الخادم، ولا يستطيع SMTP البحث عن رسالة). إعادة المحاولة تراسل هؤلاء وحدهم مرة أخرى، بمعرّف Message-ID نفسه؛ ولن يُراسَل غيرهم. تخطَّ هذا الإرسال إن كان قد وصلهم.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="51"/>
        <source>make an app password at bsky.app → Settings → Privacy and security → App passwords and store it with `statusdesk channel secret {name} app_password`</source>
        <translation>أنشئ كلمة مرور تطبيق من bsky.app ← Settings ← Privacy and security ← App passwords، واحفظها بالأمر `statusdesk channel secret {name} app_password`</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="57"/>
        <source>Make an app password at bsky.app → Settings → Privacy and security → App passwords and store it with `statusdesk channel secret {name} app_password`</source>
        <translation>أنشئ كلمة مرور تطبيق من bsky.app ← Settings ← Privacy and security ← App passwords، واحفظها بالأمر `statusdesk channel secret {name} app_password`</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="63"/>
        <source>the renewal</source>
        <translation>التجديد</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="64"/>
        <location filename="../../../channels/mastodon/api.py" line="78"/>
        <location filename="../../../channels/x/api.py" line="34"/>
        <source>the post</source>
        <translation>المنشور</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="65"/>
        <source>the lookup of a post</source>
        <translation>البحث عن منشور</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="67"/>
        <source>{channel}: {host} asks for an emailed sign-in code: that is the account&apos;s own password, not an app password — {fix}.</source>
        <translation>{channel}: يطلب {host} رمز دخول يُرسَل بالبريد: فهذه كلمة مرور الحساب نفسه، لا كلمة مرور تطبيق — {fix}.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="72"/>
        <source>{channel}: {host} refused the sign-in as {identifier} ({detail}): the handle or the app password is wrong, or the app password was revoked — {fix}, then retry this delivery.</source>
        <translation>{channel}: رفض {host} تسجيل الدخول باسم {identifier} ({detail}): المعرّف أو كلمة مرور التطبيق خاطئة، أو أُلغيت كلمة مرور التطبيق — {fix}، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="77"/>
        <source>{channel}: {host} accepted the post but its answer names no uri or cid; the record is looked up by its key before anything is sent again.</source>
        <translation>{channel}: قبِل {host} المنشور لكن ردّه لا يذكر uri ولا cid؛ فيُبحث عن السجل بمفتاحه قبل إرسال أي شيء مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="82"/>
        <source>{channel}: {host}&apos;s answer to getRecord names no record.</source>
        <translation>{channel}: ردّ {host} على getRecord لا يذكر أي سجل.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="88"/>
        <source>{channel}: {host} answered {detail} to {path}.</source>
        <translation>{channel}: أجاب {host} بـ {detail} على {path}.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="89"/>
        <source>{channel}: {host} answered {detail} to {path}; it asked to wait {seconds} s.</source>
        <translation>{channel}: أجاب {host} بـ {detail} على {path}؛ وطلب الانتظار {seconds} ث.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="92"/>
        <source>{channel}: {host} refused {action} as too long ({detail}); a post holds 300 graphemes and 3,000 bytes. Shorten the update, then retry this delivery.</source>
        <translation>{channel}: رفض {host} {action} لأنه أطول من اللازم ({detail})؛ يتسع المنشور لـ 300 حرف مرئي و3,000 بايت. اختصر التحديث، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="97"/>
        <source>{channel}: {host} refused {action} ({detail}). {fix}, then retry this delivery.</source>
        <translation>{channel}: رفض {host} {action} ({detail}). {fix}، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="100"/>
        <source>{channel}: {host} refused {action} ({detail}). Fix the update or the channel&apos;s settings, then retry this delivery.</source>
        <translation>{channel}: رفض {host} {action} ({detail}). أصلح التحديث أو إعدادات القناة، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="105"/>
        <source>{channel}: {host} answered the sign-in without a session.</source>
        <translation>{channel}: أجاب {host} عن تسجيل الدخول دون جلسة.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="62"/>
        <location filename="../../../channels/mastodon/api.py" line="79"/>
        <source>the sign-in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <location filename="../../../channels/mastodon/api.py" line="80"/>
        <location filename="../../../channels/x/api.py" line="36"/>
        <source>the lookup of recent posts</source>
        <translation>البحث في المنشورات الأخيرة</translation>
    </message>
    <message>
        <location filename="../../../channels/mastodon/api.py" line="81"/>
        <source>{channel}: {host} accepted the post but its answer names no status id; the account&apos;s recent posts are checked before anything is sent again.</source>
        <translation>{channel}: قبِل {host} المنشور لكن ردّه لا يذكر معرّف المنشور؛ فتُراجَع منشورات الحساب الأخيرة قبل إرسال أي شيء مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../channels/mastodon/api.py" line="86"/>
        <source>{channel}: {host}&apos;s answer to verify_credentials names no account.</source>
        <translation>{channel}: ردّ {host} على verify_credentials لا يذكر أي حساب.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="85"/>
        <location filename="../../../channels/mastodon/api.py" line="89"/>
        <location filename="../../../channels/x/api.py" line="43"/>
        <source>{channel}: no answer from {host} to {path} ({error}).</source>
        <translation>{channel}: لم يصل ردّ من {host} على {path} ({error}).</translation>
    </message>
    <message>
        <location filename="../../../channels/mastodon/api.py" line="92"/>
        <location filename="../../../channels/x/api.py" line="46"/>
        <source>Will try again.</source>
        <translation>ستُعاد المحاولة.</translation>
    </message>
    <message>
        <location filename="../../../channels/mastodon/api.py" line="93"/>
        <source>{channel}: {host} refused the reply ({reason}).</source>
        <translation>{channel}: رفض {host} الرد ({reason}).</translation>
    </message>
    <message>
        <location filename="../../../channels/mastodon/api.py" line="94"/>
        <source>{channel}: {host} refused the access token ({reason}): it is wrong, revoked or lacks the write:statuses scope — store a valid one with `statusdesk channel secret {channel} access_token`, then retry this delivery.</source>
        <translation>{channel}: رفض {host} رمز الوصول ({reason}): فهو خاطئ أو مُلغى أو يفتقر إلى الصلاحية write:statuses — احفظ رمزًا صالحًا بالأمر `statusdesk channel secret {channel} access_token`، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/mastodon/api.py" line="100"/>
        <source>{channel}: {host} rejected {action} ({reason}). Fix the update or the channel&apos;s settings, then retry this delivery.</source>
        <translation>{channel}: رفض {host} {action} ({reason}). أصلح التحديث أو إعدادات القناة، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/mastodon/api.py" line="105"/>
        <source>{channel}: {host} rejected {action} ({reason}).</source>
        <translation>{channel}: رفض {host} {action} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../../channels/telegram.py" line="68"/>
        <source>{channel}: Telegram refused the bot token ({reason}). Set the token @BotFather gave with `statusdesk channel secret {channel} bot_token`.</source>
        <translation>{channel}: رفض Telegram رمز البوت ({reason}). اضبط الرمز الذي أعطاك إياه @BotFather بالأمر `statusdesk channel secret {channel} bot_token`.</translation>
    </message>
    <message>
        <location filename="../../../channels/telegram.py" line="73"/>
        <source>{channel}: Telegram refused the reply ({reason}).</source>
        <translation>{channel}: رفض Telegram الرد ({reason}).</translation>
    </message>
    <message>
        <location filename="../../../channels/telegram.py" line="74"/>
        <source>{channel}: Telegram knows no chat {chat} ({said}). Check the chat_id setting, and that the bot was added to the chat.</source>
        <translation>{channel}: لا يعرف Telegram أي محادثة باسم {chat} ({said}). تحقّق من الإعداد chat_id، ومن أن البوت أُضيف إلى المحادثة.</translation>
    </message>
    <message>
        <location filename="../../../channels/telegram.py" line="79"/>
        <source>{channel}: Telegram refused the message as too long ({reason}). Shorten the update (a message holds 4,096 characters as Telegram counts them), then retry this delivery.</source>
        <translation>{channel}: رفض Telegram الرسالة لأنها أطول من اللازم ({reason}). اختصر التحديث (تتسع الرسالة لـ 4,096 حرفًا كما يعدّها Telegram)، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/telegram.py" line="84"/>
        <source>{channel}: the bot may not post in {chat} ({said}). Add it to the channel as an administrator allowed to post.</source>
        <translation>{channel}: لا يُسمح للبوت بالنشر في {chat} ({said}). أضفه إلى القناة مشرفًا يُسمح له بالنشر.</translation>
    </message>
    <message>
        <location filename="../../../channels/telegram.py" line="89"/>
        <source>{channel}: Telegram refused the message ({reason}).</source>
        <translation>{channel}: رفض Telegram الرسالة ({reason}).</translation>
    </message>
    <message>
        <location filename="../../../channels/telegram.py" line="90"/>
        <source>{channel}: Telegram cannot be asked whether a message arrived (the Bot API keeps no list of what a bot sent). Look at the chat: if the update is there, skip this delivery; if not, retry it</source>
        <translation>{channel}: لا يمكن سؤال Telegram هل وصلت رسالة (لا تحتفظ Bot API بقائمة لما أرسله البوت). انظر في المحادثة: إن كان التحديث فيها فتخطَّ هذا الإرسال؛ وإلا فأعد محاولته</translation>
    </message>
    <message>
        <location filename="../../../channels/threads.py" line="61"/>
        <source>{channel}: the incident&apos;s previous update is still on its way here (delivery {delivery}); this one follows it, replying to its last post.</source>
        <translation>{channel}: التحديث السابق لهذا العطل ما زال في طريقه إلى هنا (الإرسال {delivery})؛ وهذا يتبعه ردًّا على آخر منشور له.</translation>
    </message>
    <message>
        <location filename="../../../channels/threads.py" line="66"/>
        <source>Will send it right after.</source>
        <translation>سيُرسَل بعده مباشرة.</translation>
    </message>
    <message>
        <location filename="../../../channels/threads.py" line="67"/>
        <source>{channel}: started a new thread: the incident&apos;s earlier post {post} is gone (deleted, or hidden).</source>
        <translation>{channel}: بدأ سلسلة جديدة: منشور العطل السابق {post} لم يعد موجودًا (حُذف أو أُخفي).</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/api.py" line="66"/>
        <location filename="../../../channels/x/api.py" line="35"/>
        <source>the account lookup</source>
        <translation>البحث عن الحساب</translation>
    </message>
    <message>
        <location filename="../../../channels/x/api.py" line="37"/>
        <source>{channel}: X accepted the post but its answer names no post id; it is checked against the account&apos;s recent posts before anything is sent again.</source>
        <translation>{channel}: قبِل X المنشور لكن ردّه لا يذكر معرّف المنشور؛ فيُقارَن بمنشورات الحساب الأخيرة قبل إرسال أي شيء مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../channels/x/api.py" line="42"/>
        <source>{channel}: X&apos;s answer to /2/users/me has no user.</source>
        <translation>{channel}: ردّ X على /2/users/me لا يذكر أي مستخدم.</translation>
    </message>
    <message>
        <location filename="../../../channels/x/api.py" line="47"/>
        <source>{channel}: X refused the post as a duplicate ({reason}); it may be ours from an attempt whose answer was lost, so the account&apos;s recent posts are checked before anything is sent again.</source>
        <translation>{channel}: رفض X المنشور لأنه مكرّر ({reason})؛ وربما يكون منشورنا من محاولة ضاع ردّها، لذا تُراجَع منشورات الحساب الأخيرة قبل إرسال أي شيء مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../channels/x/api.py" line="53"/>
        <source>{channel}: X refused the reply ({reason}).</source>
        <translation>{channel}: رفض X الرد ({reason}).</translation>
    </message>
    <message>
        <location filename="../../../channels/x/api.py" line="54"/>
        <source>{channel}: X answered {reason}.</source>
        <translation>{channel}: أجاب X بـ {reason}.</translation>
    </message>
    <message>
        <location filename="../../../channels/x/api.py" line="55"/>
        <source>{channel}: X answered {reason}; it asked to wait {seconds} s.</source>
        <translation>{channel}: أجاب X بـ {reason}؛ وطلب الانتظار {seconds} ث.</translation>
    </message>
    <message>
        <location filename="../../../channels/x/api.py" line="58"/>
        <source>{channel}: X refused the credentials ({reason}): credentials expired or revoked — {fix}, then retry this delivery.</source>
        <translation>{channel}: رفض X بيانات الاعتماد ({reason}): فهي منتهية الصلاحية أو مُلغاة — {fix}، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/x/api.py" line="63"/>
        <source>{channel}: X refused {action} ({reason}). Check that the app has Read and Write permission in the X developer portal and that the account may post, then retry this delivery.</source>
        <translation>{channel}: رفض X {action} ({reason}). تحقّق من أن للتطبيق صلاحية Read and Write في بوابة مطوّري X، ومن أن الحساب يُسمح له بالنشر، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/x/api.py" line="68"/>
        <source>{channel}: X rejected {action} ({reason}). Fix the update or the channel&apos;s settings, then retry this delivery.</source>
        <translation>{channel}: رفض X {action} ({reason}). أصلح التحديث أو إعدادات القناة، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/x/auth.py" line="36"/>
        <source>re-enter them with `statusdesk channel secret {name} KEY` for each of {keys}</source>
        <translation>أدخلها من جديد بالأمر `statusdesk channel secret {name} KEY` لكل من {keys}</translation>
    </message>
    <message>
        <location filename="../../../channels/x/auth.py" line="39"/>
        <source>authorise the app again and store the new refresh token with `statusdesk channel secret {name} refresh_token`</source>
        <translation>امنح التطبيق الإذن من جديد واحفظ رمز التحديث الجديد بالأمر `statusdesk channel secret {name} refresh_token`</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/account.py" line="28"/>
        <source>{channel}: {host} refused a session it had just given ({error}). {fix}, then retry this delivery.</source>
        <translation>{channel}: رفض {host} جلسة كان قد أعطاها للتو ({error}). {fix}، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/account.py" line="33"/>
        <source>{channel}: the record key of this post ({uri}) holds a different post</source>
        <translation>{channel}: مفتاح السجل لهذا المنشور ({uri}) يحمل منشورًا آخر</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/channel.py" line="67"/>
        <source>the request for the page</source>
        <translation>طلب الصفحة</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/channel.py" line="68"/>
        <source>the page</source>
        <translation>الصفحة</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/channel.py" line="69"/>
        <source>the updated incident</source>
        <translation>العطل المحدَّث</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/channel.py" line="70"/>
        <source>{channel}: waiting for delivery {delivery} (an earlier update of this incident, now {state}) to create the incident on Statuspage, so this update does not open a second one.</source>
        <translation>{channel}: في انتظار الإرسال {delivery} (تحديث سابق لهذا العطل، حالته الآن {state}) لينشئ العطل على Statuspage، حتى لا يفتح هذا التحديث عطلًا ثانيًا.</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="43"/>
        <source>Will look again.</source>
        <translation>سيُبحث مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="44"/>
        <source>Set it with `statusdesk channel secret {channel} api_key`.</source>
        <translation>اضبطه بالأمر `statusdesk channel secret {channel} api_key`.</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="47"/>
        <source>{channel}: no Statuspage API key is set. {fix}</source>
        <translation>{channel}: لم يُضبط مفتاح API لـ Statuspage. {fix}</translation>
    </message>
    <message>
        <location filename="../../../channels/posts.py" line="28"/>
        <location filename="../../../channels/statuspage/client.py" line="48"/>
        <source>{channel}: this process has no access to the keyring.</source>
        <translation>{channel}: لا يصل هذا البرنامج إلى حلقة المفاتيح.</translation>
    </message>
    <message>
        <location filename="../../../channels/posts.py" line="29"/>
        <source>{channel}: cannot read its {key}. {error}</source>
        <translation>{channel}: تتعذّر قراءة سرّها {key}. {error}</translation>
    </message>
    <message>
        <location filename="../../../channels/posts.py" line="30"/>
        <source>{channel}: its {key} is missing from the keyring. Set it with `statusdesk channel secret {channel} {key}`.</source>
        <translation>{channel}: سرّها {key} غير موجود في حلقة المفاتيح. اضبطه بالأمر `statusdesk channel secret {channel} {key}`.</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="49"/>
        <source>{channel}: cannot read its Statuspage API key. {error}</source>
        <translation>{channel}: تتعذّر قراءة مفتاح API الخاص بـ Statuspage. {error}</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="52"/>
        <source>{channel}: its Statuspage API key is missing from the keyring. {fix}</source>
        <translation>{channel}: مفتاح API الخاص بـ Statuspage غير موجود في حلقة المفاتيح. {fix}</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="55"/>
        <source>{channel}: its Statuspage API key holds a space or a character no API key has (was more than the key pasted?). {fix}</source>
        <translation>{channel}: يحوي مفتاح API الخاص بـ Statuspage مسافة أو حرفًا لا يكون في مفاتيح API (هل لُصق أكثر من المفتاح؟). {fix}</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="60"/>
        <source>{channel}: Statuspage refused the API key ({reason}). Set a key that may write to page {page} with `statusdesk channel secret {channel} api_key`, then retry this delivery.</source>
        <translation>{channel}: رفض Statuspage مفتاح API ({reason}). اضبط مفتاحًا يُسمح له بالكتابة في الصفحة {page} بالأمر `statusdesk channel secret {channel} api_key`، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="65"/>
        <source>{channel}: Statuspage has no incident {incident} on page {page} ({reason}): it was deleted there, or page_id changed since it was created. Post this update on Statuspage by hand, then skip this delivery.</source>
        <translation>{channel}: لا يوجد في Statuspage عطل {incident} في الصفحة {page} ({reason}): فقد حُذف هناك، أو تغيّر page_id منذ إنشائه. انشر هذا التحديث على Statuspage يدويًا، ثم تخطَّ هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="71"/>
        <source>{channel}: Statuspage has no page {page} for this API key ({reason}). Check page_id (Statuspage: your page → API info) and base_url, then retry this delivery.</source>
        <translation>{channel}: لا يوجد في Statuspage صفحة {page} لمفتاح API هذا ({reason}). تحقّق من page_id (في Statuspage: صفحتك ← API info) ومن base_url، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="76"/>
        <source>{channel}: Statuspage rejected {what} ({reason}). Fix the update or the channel&apos;s settings, then retry this delivery.</source>
        <translation>{channel}: رفض Statuspage {what} ({reason}). أصلح التحديث أو إعدادات القناة، ثم أعد محاولة هذا الإرسال.</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="81"/>
        <source>{channel}: Statuspage answered {status} but {what} in its answer could not be read; it is looked up before anything is sent again.</source>
        <translation>{channel}: أجاب Statuspage بـ {status} لكن تعذّرت قراءة {what} في ردّه؛ فيُبحث عنه قبل إرسال أي شيء مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="86"/>
        <source>{channel}: Statuspage answered {status} without the new incident&apos;s id; it is looked up before anything is sent again.</source>
        <translation>{channel}: أجاب Statuspage بـ {status} دون معرّف العطل الجديد؛ فيُبحث عنه قبل إرسال أي شيء مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/client.py" line="91"/>
        <source>the new incident</source>
        <translation>العطل الجديد</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/reconcile.py" line="28"/>
        <source>the list of incidents</source>
        <translation>قائمة الأعطال</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/reconcile.py" line="29"/>
        <source>incident {id}</source>
        <translation>العطل {id}</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/reconcile.py" line="30"/>
        <source>{channel}: Statuspage answered the list of incidents with something that is not a list.</source>
        <translation>{channel}: أجاب Statuspage عن قائمة الأعطال بشيء ليس قائمة.</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/reconcile.py" line="34"/>
        <source>{channel}: incident {incident} is not on Statuspage page {page} any more, so whether this update reached it cannot be told.</source>
        <translation>{channel}: لم يعد العطل {incident} موجودًا في صفحة Statuspage {page}، فلا يمكن معرفة هل وصله هذا التحديث.</translation>
    </message>
    <message>
        <location filename="../../../channels/webhook.py" line="40"/>
        <source>{channel}: cannot read its signing secret. {error}</source>
        <translation>{channel}: تتعذّر قراءة سرّ التوقيع الخاص بها. {error}</translation>
    </message>
    <message>
        <location filename="../../../channels/webhook.py" line="41"/>
        <source>{channel}: its signing secret is missing from the keyring. Set it again with `statusdesk channel secret {channel} signing_secret`.</source>
        <translation>{channel}: سرّ التوقيع الخاص بها غير موجود في حلقة المفاتيح. اضبطه من جديد بالأمر `statusdesk channel secret {channel} signing_secret`.</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="11"/>
        <source>{channel}: a {kind} channel has nothing to connect to; nothing to test.</source>
        <translation>{channel}: ليس لقناة من نوع {kind} ما تتصل به؛ فلا شيء لاختباره.</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="16"/>
        <source>{cause} The test failed and nothing is retried (it was only a test): check that the host is up and reachable from this machine and the channel&apos;s address (`statusdesk channel edit {channel} --set …`), then test again.</source>
        <translation>{cause} فشل الاختبار ولن تُعاد المحاولة (كان مجرد اختبار): تحقّق من أن الخادم يعمل ويمكن الوصول إليه من هذا الجهاز، ومن عنوان القناة (`statusdesk channel edit {channel} --set …`)، ثم اختبر مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="22"/>
        <source>{cause}. The test failed and nothing is retried (it was only a test): check that the host is up and reachable from this machine and the channel&apos;s address (`statusdesk channel edit {channel} --set …`), then test again.</source>
        <translation>{cause}. فشل الاختبار ولن تُعاد المحاولة (كان مجرد اختبار): تحقّق من أن الخادم يعمل ويمكن الوصول إليه من هذا الجهاز، ومن عنوان القناة (`statusdesk channel edit {channel} --set …`)، ثم اختبر مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="29"/>
        <source>{channel}: {host} answered (HTTP {status}); nothing was published</source>
        <translation>{channel}: أجاب {host} (HTTP {status})؛ لم يُنشر شيء</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="32"/>
        <source>{channel}: {host} answered (HTTP {status}); its signing secret is in the keyring; nothing was published</source>
        <translation>{channel}: أجاب {host} (HTTP {status})؛ وسرّ التوقيع الخاص بها في حلقة المفاتيح؛ لم يُنشر شيء</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="37"/>
        <source>{channel}: {host} cannot be reached ({error}). Check the url setting and that the receiver is running.</source>
        <translation>{channel}: يتعذّر الوصول إلى {host} ({error}). تحقّق من الإعداد url ومن أن المستقبِل يعمل.</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="42"/>
        <source>{channel}: authenticated as @{account} on {host}; nothing was published</source>
        <translation>{channel}: سُجّل الدخول باسم @{account} على {host}؛ لم يُنشر شيء</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="45"/>
        <source>{channel}: authenticated as @{username} ({name}) with {mode}; nothing was published</source>
        <translation>{channel}: سُجّل الدخول باسم @{username} ({name}) بطريقة {mode}؛ لم يُنشر شيء</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="49"/>
        <source>{channel}: signed in as @{handle} ({did}) on {host}; nothing was published</source>
        <translation>{channel}: سُجّل الدخول باسم @{handle} ({did}) على {host}؛ لم يُنشر شيء</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="52"/>
        <source>{channel}: authenticated as @{bot}; the bot can see {chat}; nothing was sent</source>
        <translation>{channel}: سُجّل الدخول باسم @{bot}؛ ويرى البوت {chat}؛ لم يُرسَل شيء</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="55"/>
        <source>{channel}: page {title} ({subdomain}) reachable with the API key; nothing was published</source>
        <translation>{channel}: يمكن الوصول إلى الصفحة {title} ({subdomain}) بمفتاح API؛ لم يُنشر شيء</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="59"/>
        <source>{channel}: connected to {server} with {security} as {username}; nothing was sent</source>
        <translation>{channel}: تم الاتصال بـ{server} عبر {security} باسم {username}؛ لم يُرسَل شيء</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="62"/>
        <source>{channel}: connected to {server} with {security} without a login; nothing was sent</source>
        <translation>{channel}: تم الاتصال بـ{server} عبر {security} دون تسجيل دخول؛ لم يُرسَل شيء</translation>
    </message>
    <message>
        <location filename="../../../channels/tested.py" line="66"/>
        <source>no encryption</source>
        <translation>بلا تشفير</translation>
    </message>
    <message>
        <location filename="../../../channels/site/said.py" line="14"/>
        <source>{channel}: a page kept on this disk has nowhere to go.</source>
        <translation>{channel}: الصفحة المحفوظة على هذا القرص ليس لها مكان تُنشر إليه.</translation>
    </message>
    <message>
        <location filename="../../../channels/site/said.py" line="15"/>
        <source>{problem}; fix it with `statusdesk channel edit NAME --set …`.</source>
        <translation>{problem}؛ أصلحه بالأمر `statusdesk channel edit NAME --set …`.</translation>
    </message>
    <message>
        <location filename="../../../channels/site/said.py" line="18"/>
        <source>Status page: the disk is full ({cause}); free some space — the previous page stays online and the build is retried.</source>
        <translation>صفحة الحالة: القرص ممتلئ ({cause})؛ أفرغ بعض المساحة — تبقى الصفحة السابقة منشورة وتُعاد محاولة البناء.</translation>
    </message>
    <message>
        <location filename="../../../channels/site/said.py" line="23"/>
        <source>Status page: could not write {folder} ({cause}). Fix the folder&apos;s permissions or choose another workspace; the previous page is still online.</source>
        <translation>صفحة الحالة: تعذّرت الكتابة في {folder} ({cause}). أصلح أذونات المجلد أو اختر مساحة عمل أخرى؛ فالصفحة السابقة ما زالت منشورة.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../../export/api.py" line="80"/>
        <source>Writing the {format}…</source>
        <translation>كتابة ملف {format}…</translation>
    </message>
    <message>
        <location filename="../../../export/api.py" line="109"/>
        <source>Reading the incident…</source>
        <translation>قراءة العطل…</translation>
    </message>
    <message>
        <location filename="../../../export/api.py" line="111"/>
        <source>Computing the metrics…</source>
        <translation>حساب المقاييس…</translation>
    </message>
    <message>
        <location filename="../../../export/api.py" line="129"/>
        <source>Saving…</source>
        <translation>الحفظ…</translation>
    </message>
    <message>
        <location filename="../../../export/api.py" line="131"/>
        <source>Saved {path}</source>
        <translation>حُفظ {path}</translation>
    </message>
    <message>
        <location filename="../../../export/pdf.py" line="65"/>
        <source>Page {number} of {total}…</source>
        <translation>الصفحة {number} من {total}…</translation>
    </message>
    <message>
        <location filename="../../../export/pdf.py" line="66"/>
        <source>Laying out the PDF ({number} of {total})…</source>
        <translation>تنسيق ملف PDF ({number} من {total})…</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../../app/checks.py" line="33"/>
        <source>No channel is chosen; tick at least one channel.</source>
        <translation>لم تُختر أي قناة؛ حدِّد قناة واحدة على الأقل.</translation>
    </message>
    <message>
        <location filename="../../../app/checks.py" line="35"/>
        <source>incident</source>
        <translation>الأعطال</translation>
    </message>
    <message>
        <location filename="../../../app/checks.py" line="36"/>
        <source>maintenance</source>
        <translation>الصيانة</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="26"/>
        <location filename="../../../app/checks.py" line="58"/>
        <source>There is no channel named {name} (known: {known}).</source>
        <translation>لا توجد قناة باسم {name} (القنوات المعروفة: {known}).</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="39"/>
        <source>language must be ar, en or both (got {got}).</source>
        <translation>يجب أن تكون language إحدى القيم ar أو en أو both (وصلت {got}).</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="48"/>
        <source>order must be ar-first or en-first (got {got}).</source>
        <translation>يجب أن تكون order إحدى القيمتين ar-first أو en-first (وصلت {got}).</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="88"/>
        <source>Unknown channel kind {kind}; known: {known}.</source>
        <translation>نوع القناة {kind} غير معروف؛ الأنواع المعروفة: {known}.</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="99"/>
        <source>{name} cannot name a channel: use letters, digits, - or _.</source>
        <translation>لا يصلح {name} اسمًا لقناة: استخدم الحروف والأرقام و- و_.</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="108"/>
        <source>There is already a channel named {name}.</source>
        <translation>توجد قناة باسم {name} من قبل.</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="141"/>
        <source>There is no channel named {name}.</source>
        <translation>لا توجد قناة باسم {name}.</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="154"/>
        <source>A {kind} channel has no secret {key} (it takes: {which}).</source>
        <translation>قناة من نوع {kind} ليس لها سرّ اسمه {key} (أسرارها: {which}).</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="165"/>
        <source>The secret is empty; nothing was stored.</source>
        <translation>السرّ فارغ؛ لم يُحفظ شيء.</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="200"/>
        <source>{name} is of kind {kind}, which this statusdesk does not know; upgrade statusdesk to edit it (or remove it).</source>
        <translation>القناة {name} من النوع {kind}، وهذا الإصدار من statusdesk لا يعرفه؛ حدّث statusdesk لتعديلها (أو احذفها).</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="213"/>
        <source>Nothing to change: give --set KEY=VALUE or --unset KEY.</source>
        <translation>لا شيء لتغييره: استخدم ‎--set KEY=VALUE أو ‎--unset KEY.</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="233"/>
        <source>{key} is not set on {name}; nothing to unset.</source>
        <translation>الإعداد {key} غير مضبوط في {name}؛ لا شيء لإزالته.</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="295"/>
        <source>{name} is sending right now (delivery {which}); wait for the outcome, then remove it. Nothing was changed.</source>
        <translation>القناة {name} ترسل الآن (الإرسال {which})؛ انتظر النتيجة ثم احذفها. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="326"/>
        <source>{why} {name} was not removed; try again then.</source>
        <translation>{why} لم تُحذف {name}؛ حاول مرة أخرى بعد ذلك.</translation>
    </message>
    <message>
        <location filename="../../../app/channels.py" line="348"/>
        <source>Delivery {id} was for the channel {name}, removed at {at}; it is not sent again.</source>
        <translation>الإرسال {id} كان للقناة {name} التي حُذفت في {at}؛ فلن يُرسل مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../app/checks.py" line="97"/>
        <source>{state} is not a state of a {kind}; use one of {allowed}.</source>
        <translation>{state} ليست من حالات {kind}؛ استخدم إحدى هذه الحالات: {allowed}.</translation>
    </message>
    <message>
        <location filename="../../../app/checks.py" line="113"/>
        <source>There is a custom text for {name}, but that channel is not chosen; choose it or drop the text.</source>
        <translation>يوجد نص مخصّص للقناة {name}، لكنها غير مختارة؛ اخترها أو احذف النص.</translation>
    </message>
    <message>
        <location filename="../../../app/checks.py" line="188"/>
        <source>A maintenance with a window begins at its window&apos;s start; leave out the start time (or change --window-start).</source>
        <translation>الصيانة ذات النافذة الزمنية تبدأ عند بداية نافذتها؛ اترك وقت البدء فارغًا (أو غيّر ‎--window-start).</translation>
    </message>
    <message>
        <location filename="../../../app/checks.py" line="200"/>
        <source>The start time {started} is ahead of now ({now}): an incident cannot have begun in the future. Give the time it began, or leave it out.</source>
        <translation>وقت البدء {started} لاحق للوقت الحالي ({now})، ولا يمكن أن يكون العطل قد بدأ في المستقبل. اذكر الوقت الذي بدأ فيه، أو اتركه فارغًا.</translation>
    </message>
    <message>
        <location filename="../../../app/checks.py" line="211"/>
        <source>The start time {started} is after the first update ({first}): an incident begins before anything is said about it.</source>
        <translation>وقت البدء {started} لاحق لأول تحديث ({first})، والعطل يبدأ قبل أن يُقال عنه أي شيء.</translation>
    </message>
    <message>
        <location filename="../../../app/checks.py" line="227"/>
        <source>{at} has passed; give a later time, or publish now.</source>
        <translation>مضى الوقت {at}؛ حدِّد وقتًا لاحقًا، أو انشر الآن.</translation>
    </message>
    <message>
        <location filename="../../../app/compose.py" line="91"/>
        <location filename="../../../app/previews.py" line="113"/>
        <source>Incident {id} no longer exists.</source>
        <translation>العطل {id} لم يعد موجودًا.</translation>
    </message>
    <message>
        <location filename="../../../app/publishing.py" line="233"/>
        <source>There is no incident {id}.</source>
        <translation>لا يوجد عطل رقمه {id}.</translation>
    </message>
    <message>
        <location filename="../../../app/publishing.py" line="374"/>
        <source>Another incident was opened at the same moment; open this one again (nothing was recorded).</source>
        <translation>فُتح عطل آخر في اللحظة نفسها؛ افتح هذا العطل مرة أخرى (لم يُسجَّل شيء).</translation>
    </message>
    <message>
        <location filename="../../../core/consistency.py" line="111"/>
        <source>The number</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../../../core/consistency.py" line="112"/>
        <source>The time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../../core/consistency.py" line="113"/>
        <source>The link</source>
        <translation>الرابط</translation>
    </message>
    <message>
        <location filename="../../../core/consistency.py" line="114"/>
        <source>The identifier</source>
        <translation>المعرّف</translation>
    </message>
    <message>
        <location filename="../../../core/consistency.py" line="117"/>
        <source>the English text</source>
        <translation>النص الإنجليزي</translation>
    </message>
    <message>
        <location filename="../../../core/consistency.py" line="118"/>
        <source>the Arabic text</source>
        <translation>النص العربي</translation>
    </message>
    <message>
        <location filename="../../../core/consistency.py" line="365"/>
        <source>The component “{name}” is named in {here} but not in {there}; name it there too (“{other_name}”).</source>
        <translation>المكوّن «{name}» مذكور في {here} وغير مذكور في {there}؛ اذكره هناك أيضًا («{other_name}»).</translation>
    </message>
    <message>
        <location filename="../../../core/consistency.py" line="374"/>
        <source>{what} “{shown}” is in {here} but not in {there}, which has {listed}; make the two agree.</source>
        <translation>{what} «{shown}» وارد في {here} وغير وارد في {there}، وفيه بدلًا منه {listed}؛ اجعل النصين متطابقين.</translation>
    </message>
    <message>
        <location filename="../../../core/consistency.py" line="382"/>
        <source>{what} “{shown}” is in {here} but not in {there}; add it to {there} too.</source>
        <translation>{what} «{shown}» وارد في {here} وغير وارد في {there}؛ أضفه إلى {there} أيضًا.</translation>
    </message>
    <message>
        <location filename="../../../core/errors.py" line="35"/>
        <source>The English and Arabic texts disagree; make them agree, or publish as it is with --anyway.</source>
        <translation>النصان الإنجليزي والعربي غير متطابقين؛ اجعلهما متطابقين، أو انشر كما هو مع ‎--anyway.</translation>
    </message>
    <message>
        <location filename="../../../core/model.py" line="265"/>
        <source>{problem} (at character {character})</source>
        <translation>{problem} (عند الحرف {character})</translation>
    </message>
    <message>
        <location filename="../../../core/placeholders.py" line="29"/>
        <source>the incident has no title</source>
        <translation>العطل بلا عنوان</translation>
    </message>
    <message>
        <location filename="../../../core/placeholders.py" line="30"/>
        <source>the incident affects no component (add one: --component NAME=STATUS)</source>
        <translation>العطل لا يمسّ أي مكوّن (أضف مكوّنًا: ‎--component NAME=STATUS)</translation>
    </message>
    <message>
        <location filename="../../../core/placeholders.py" line="33"/>
        <source>no ETA was given (--eta WHEN)</source>
        <translation>لم يُحدَّد وقت متوقع للحل (‎--eta WHEN)</translation>
    </message>
    <message>
        <location filename="../../../core/placeholders.py" line="34"/>
        <source>the incident promises no next update (it is closed, or nothing is planned)</source>
        <translation>العطل لا يَعِد بتحديث تالٍ (فهو مغلق، أو لم يُخطَّط لشيء)</translation>
    </message>
    <message>
        <location filename="../../../core/placeholders.py" line="37"/>
        <source>the status page has no public address (set base_url on the site channel)</source>
        <translation>ليس لصفحة الحالة عنوان عام (اضبط base_url في قناة الموقع)</translation>
    </message>
    <message>
        <location filename="../../../core/placeholders.py" line="40"/>
        <source>the incident has no start time</source>
        <translation>العطل بلا وقت بدء</translation>
    </message>
    <message>
        <location filename="../../../core/placeholders.py" line="41"/>
        <location filename="../../../core/placeholders.py" line="44"/>
        <source>the incident has no maintenance window (--window-start, --window-end)</source>
        <translation>العطل بلا نافذة صيانة (‎--window-start، ‎--window-end)</translation>
    </message>
    <message>
        <location filename="../../../core/placeholders.py" line="61"/>
        <source>{text} still has the placeholder {placeholder}: write the value in its place, or remove it.</source>
        <translation>ما زال في {text} العنصر النائب {placeholder}: اكتب القيمة مكانه، أو احذفه.</translation>
    </message>
    <message>
        <location filename="../../../core/promise.py" line="79"/>
        <source>A cadence of {minutes} min is out of range; promise the next update within {low} to {high} minutes.</source>
        <translation>وتيرة التحديث كل {minutes} د خارج النطاق المسموح؛ اجعل موعد التحديث التالي في غضون {low} إلى {high} دقيقة.</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="32"/>
        <source>a byte-order mark (U+FEFF)</source>
        <translation>علامة ترتيب البايتات (U+FEFF)</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="60"/>
        <source>backspace</source>
        <translation>حرف الرجوع للخلف (backspace)</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="61"/>
        <source>vertical tab: a pasted manual line break</source>
        <translation>جدولة عمودية: فاصل أسطر يدوي ملصوق</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="62"/>
        <source>form feed</source>
        <translation>فاصل الصفحات (form feed)</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="65"/>
        <source>next line</source>
        <translation>حرف السطر التالي (NEL)</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="97"/>
        <source>the control character {code} ({name})</source>
        <translation>حرف التحكم {code} ({name})</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="100"/>
        <source>the control character {code}</source>
        <translation>حرف التحكم {code}</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="203"/>
        <source>Text contains {character}, which no channel can show; remove it</source>
        <translation>يحتوي النص على {character}، ولا تستطيع أي قناة عرضه؛ احذفه</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="214"/>
        <source>Direction control {control} is never closed</source>
        <translation>رمز الاتجاه {control} غير مُغلق</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="226"/>
        <source>Direction control {control} closes nothing</source>
        <translation>رمز الاتجاه {control} لا يُغلق شيئًا</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="259"/>
        <source>Text contains {character}; remove it.</source>
        <translation>يحتوي النص على {character}؛ احذفه.</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="269"/>
        <source>Direction control {control} closes nothing.</source>
        <translation>رمز الاتجاه {control} لا يُغلق شيئًا.</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="280"/>
        <source>Direction override {control} shows the text after it in reverse, so it reads differently from what it says (a spoofing trick). It is never closed.</source>
        <translation>رمز عكس الاتجاه {control} يعرض النص الذي يليه معكوسًا، فيُقرأ على غير ما يقول (حيلة للتضليل). وهو غير مُغلق.</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="286"/>
        <source>Direction override {control} shows the text after it in reverse, so it reads differently from what it says (a spoofing trick).</source>
        <translation>رمز عكس الاتجاه {control} يعرض النص الذي يليه معكوسًا، فيُقرأ على غير ما يقول (حيلة للتضليل).</translation>
    </message>
    <message>
        <location filename="../../../core/text/sanitize.py" line="298"/>
        <source>Direction control {control} is never closed, so it changes the direction of the text after it.</source>
        <translation>رمز الاتجاه {control} غير مُغلق، فيغيّر اتجاه النص الذي يليه.</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="22"/>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="23"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="26"/>
        <source>The English text</source>
        <translation>النص الإنجليزي</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="27"/>
        <source>The Arabic text</source>
        <translation>النص العربي</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="30"/>
        <source>The English title</source>
        <translation>العنوان الإنجليزي</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="31"/>
        <source>The Arabic title</source>
        <translation>العنوان العربي</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="43"/>
        <source>{label} is {length:,} characters long; the limit is {limit:,}. Shorten it or link to a longer write-up.</source>
        <translation>عدد أحرف {label} {length:,}، والحد الأقصى {limit:,}. اختصره أو ضع رابطًا إلى نص أطول.</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="65"/>
        <source>Both the English and the Arabic text are empty; write the update in at least one language.</source>
        <translation>النصان الإنجليزي والعربي فارغان؛ اكتب التحديث بلغة واحدة على الأقل.</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="79"/>
        <source>{text} is empty, but a chosen channel publishes {language}; write it, or untick the channels that need it.</source>
        <translation>{text} فارغ، لكن إحدى القنوات المختارة تنشر ب{language}؛ اكتبه، أو ألغِ تحديد القنوات التي تحتاج إليه.</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="99"/>
        <source>The incident needs a title in English or Arabic (or both).</source>
        <translation>يحتاج العطل إلى عنوان بالإنجليزية أو بالعربية (أو بكلتيهما).</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="117"/>
        <source>A title is one line; move the rest into the update.</source>
        <translation>العنوان سطر واحد؛ انقل الباقي إلى التحديث.</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="147"/>
        <source>The author</source>
        <translation>اسم الكاتب</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="153"/>
        <source>Component {name}: {problem}</source>
        <translation>المكوّن {name}: {problem}</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="160"/>
        <source>A component name</source>
        <translation>اسم المكوّن</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="166"/>
        <source>The custom text for {channel}: {problem}</source>
        <translation>النص المخصّص للقناة {channel}: {problem}</translation>
    </message>
    <message>
        <location filename="../../../core/validation.py" line="183"/>
        <source>{label} is one line.</source>
        <translation>{label} سطر واحد.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/templates.py" line="74"/>
        <source>{source}: no &quot;templates&quot; object</source>
        <translation>{source}: لا يوجد كائن &quot;templates&quot;</translation>
    </message>
    <message>
        <location filename="../../../scheduling/templates.py" line="88"/>
        <source>{source}: template {name} needs a kind (incident|maintenance), a state of that kind and en/ar texts ({error})</source>
        <translation>{source}: يحتاج القالب {name} إلى نوع (incident|maintenance) وحالة من ذلك النوع ونصَّين en/ar ({error})</translation>
    </message>
    <message>
        <location filename="../../../scheduling/templates.py" line="121"/>
        <source>{path}: not a readable JSON template file ({error})</source>
        <translation>{path}: ليس ملف قوالب JSON يمكن قراءته ({error})</translation>
    </message>
    <message>
        <location filename="../../../scheduling/templates.py" line="187"/>
        <source>{label} has a lone {brace}; write {double} for a literal brace</source>
        <translation>في {label} قوس منفرد {brace}؛ اكتب {double} لقوس يظهر كما هو</translation>
    </message>
    <message>
        <location filename="../../../scheduling/templates.py" line="191"/>
        <source>{label} has an unknown placeholder {placeholder}; known: {known}</source>
        <translation>في {label} عنصر نائب غير معروف {placeholder}؛ المعروفة: {known}</translation>
    </message>
    <message>
        <location filename="../../../scheduling/templates.py" line="199"/>
        <source>{label} leaves {placeholder} unfilled: {why}</source>
        <translation>يترك {label} العنصر النائب {placeholder} بلا قيمة: {why}</translation>
    </message>
    <message>
        <location filename="../../../scheduling/templates.py" line="217"/>
        <source>The template {name} ({language})</source>
        <translation>القالب {name} ({language})</translation>
    </message>
    <message>
        <location filename="../../../scheduling/templates.py" line="221"/>
        <source>The text ({language})</source>
        <translation>النص ({language})</translation>
    </message>
    <message>
        <location filename="../../../app/deliveries.py" line="55"/>
        <source>Say why this channel is skipped (--reason TEXT).</source>
        <translation>اذكر سبب تخطّي هذه القناة (‎--reason TEXT).</translation>
    </message>
    <message>
        <location filename="../../../app/templating.py" line="32"/>
        <location filename="../../../scheduling/template_store.py" line="181"/>
        <source>an incident</source>
        <translation>عطل</translation>
    </message>
    <message>
        <location filename="../../../app/templating.py" line="33"/>
        <location filename="../../../scheduling/template_store.py" line="182"/>
        <source>a maintenance</source>
        <translation>صيانة</translation>
    </message>
    <message>
        <location filename="../../../app/templating.py" line="75"/>
        <source>There is no template {name}; known: {known}.</source>
        <translation>لا يوجد قالب باسم {name}؛ القوالب المعروفة: {known}.</translation>
    </message>
    <message>
        <location filename="../../../app/templating.py" line="86"/>
        <source>The template {name} is written for {written}; this is {kind}.</source>
        <translation>القالب {name} مكتوب لنوع «{written}»، أما هذا فمن نوع «{kind}».</translation>
    </message>
    <message>
        <location filename="../../../app/templating.py" line="135"/>
        <source>The template {name} is written for {written}; this update&apos;s state is {state}.</source>
        <translation>القالب {name} مكتوب للحالة {written}، وحالة هذا التحديث {state}.</translation>
    </message>
    <message>
        <location filename="../../../delivery/audience.py" line="31"/>
        <location filename="../../../store/db.py" line="198"/>
        <source>{first} and {last}</source>
        <translation>{first} و{last}</translation>
    </message>
    <message>
        <location filename="../../../delivery/audience.py" line="38"/>
        <source>{names} is enabled but left out of this update, so it would say nothing: leaving a channel out is a decision — give the reason (recorded as a skipped delivery for each), or choose it too.</source>
        <translation>{names} مفعّلة لكنها مستبعدة من هذا التحديث، فلن تقول شيئًا: استبعاد قناة قرار — اذكر السبب (يُسجَّل إرسالًا متخطًّى لكل قناة)، أو اخترها هي أيضًا.</translation>
    </message>
    <message>
        <location filename="../../../delivery/audience.py" line="45"/>
        <source>{names} are enabled but left out of this update, so they would say nothing: leaving a channel out is a decision — give the reason (recorded as a skipped delivery for each), or choose them too.</source>
        <translation>{names} مفعّلة لكنها مستبعدة من هذا التحديث، فلن تقول شيئًا: استبعاد القنوات قرار — اذكر السبب (يُسجَّل إرسالًا متخطًّى لكل قناة)، أو اخترها هي أيضًا.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/actions.py" line="31"/>
        <source>There is no update {id} (`statusdesk update list` shows those not yet out).</source>
        <translation>لا يوجد تحديث رقمه {id} (يعرض `statusdesk update list` التحديثات التي لم تُنشر بعد).</translation>
    </message>
    <message>
        <location filename="../../../scheduling/actions.py" line="36"/>
        <source>Update {id} already went out at {at}; it cannot be {done} any more. Post a correction with `statusdesk incident update {incident}`.</source>
        <translation>التحديث {id} نُشر في {at}؛ فلا يمكن {done} بعد الآن. انشر تصحيحًا بالأمر `statusdesk incident update {incident}`.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/actions.py" line="42"/>
        <source>Update {id} was already cancelled; it cannot be {done}.</source>
        <translation>التحديث {id} أُلغي من قبل؛ فلا يمكن {done}.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/actions.py" line="45"/>
        <source>Update {id} is {status}; it cannot be {done}.</source>
        <translation>حالة التحديث {id} هي {status}؛ فلا يمكن {done}.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/actions.py" line="52"/>
        <source>sent</source>
        <translation>إرساله</translation>
    </message>
    <message>
        <location filename="../../../scheduling/actions.py" line="53"/>
        <source>edited</source>
        <translation>تعديله</translation>
    </message>
    <message>
        <location filename="../../../scheduling/actions.py" line="54"/>
        <source>cancelled</source>
        <translation>إلغاؤه</translation>
    </message>
    <message>
        <location filename="../../../scheduling/actions.py" line="55"/>
        <source>discarded</source>
        <translation>التخلي عنه</translation>
    </message>
    <message>
        <location filename="../../../scheduling/actions.py" line="56"/>
        <source>rescheduled</source>
        <translation>إعادة جدولته</translation>
    </message>
    <message>
        <location filename="../../../store/deliveries.py" line="16"/>
        <source>There is no delivery {id}.</source>
        <translation>لا يوجد إرسال رقمه {id}.</translation>
    </message>
    <message>
        <location filename="../../../store/deliveries.py" line="157"/>
        <source>Delivery {id} was already sent; nothing to decide.</source>
        <translation>الإرسال {id} تمّ من قبل؛ لا شيء لتقرّره.</translation>
    </message>
    <message>
        <location filename="../../../store/deliveries.py" line="163"/>
        <source>Delivery {id} is already skipped.</source>
        <translation>الإرسال {id} متخطًّى من قبل.</translation>
    </message>
    <message>
        <location filename="../../../store/deliveries.py" line="171"/>
        <source>Delivery {id} is being sent right now; wait for its outcome.</source>
        <translation>الإرسال {id} جارٍ الآن؛ انتظر نتيجته.</translation>
    </message>
    <message>
        <location filename="../../../store/deliveries.py" line="177"/>
        <source>Delivery {id} is already waiting to be sent.</source>
        <translation>الإرسال {id} ينتظر دوره من قبل.</translation>
    </message>
    <message>
        <location filename="../../../channels/base.py" line="97"/>
        <location filename="../../../channels/site/said.py" line="13"/>
        <source>{channel}: {problem}</source>
        <translation>{channel}: {problem}</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/channel.py" line="97"/>
        <source>handle must be the account&apos;s handle without the @, such as acme.bsky.social or status.acme.com (got {got})</source>
        <translation>يجب أن يكون handle معرّف الحساب من دون @، مثل acme.bsky.social أو status.acme.com (وصل {got})</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/channel.py" line="112"/>
        <source>pds must be the account&apos;s server as an https:// address (got {got}; http:// only for a test server on this machine); the default is {default}</source>
        <translation>يجب أن يكون pds خادم الحساب بعنوان https://‏ (وصل {got}؛ ولا يُقبل http://‏ إلا لخادم اختبار على هذا الجهاز)؛ والقيمة الافتراضية {default}</translation>
    </message>
    <message>
        <location filename="../../../channels/bluesky/channel.py" line="158"/>
        <source>{name}: Bluesky needs the secret app_password, not set yet. Make one at bsky.app → Settings → Privacy and security → App passwords, then store it with `statusdesk channel secret {name} app_password`.</source>
        <translation>{name}: يحتاج Bluesky إلى السرّ app_password، ولم يُضبط بعد. أنشئه من bsky.app ← Settings ← Privacy and security ← App passwords، ثم احفظه بالأمر `statusdesk channel secret {name} app_password`.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/channel.py" line="111"/>
        <source>{name}: nobody to mail: there are no subscribers and no recipients setting. Add some with `statusdesk subscriber add ADDR`, or give a fixed list with `--set recipients=a@example.com,b@example.com`.</source>
        <translation>{name}: لا أحد لتُرسل إليه الرسالة: لا مشتركين ولا إعداد recipients. أضف مشتركين بالأمر `statusdesk subscriber add ADDR`، أو حدّد قائمة ثابتة بـ `--set recipients=a@example.com,b@example.com`.</translation>
    </message>
    <message>
        <location filename="../../../channels/mastodon/channel.py" line="85"/>
        <source>base_url must be the instance&apos;s https:// address, such as https://mastodon.social (got {got}; http:// only for a test server on this machine)</source>
        <translation>يجب أن يكون base_url عنوان الخادم بصيغة https://‏، مثل https://mastodon.social (وصل {got}؛ ولا يُقبل http://‏ إلا لخادم اختبار على هذا الجهاز)</translation>
    </message>
    <message>
        <location filename="../../../channels/mastodon/channel.py" line="95"/>
        <source>visibility must be public or unlisted (got {got})</source>
        <translation>يجب أن تكون visibility إحدى القيمتين public أو unlisted (وصلت {got})</translation>
    </message>
    <message>
        <location filename="../../../channels/mastodon/channel.py" line="130"/>
        <source>{name}: Mastodon needs the secret access_token, not set yet. Set it with `statusdesk channel secret {name} access_token`.</source>
        <translation>{name}: يحتاج Mastodon إلى السرّ access_token، ولم يُضبط بعد. اضبطه بالأمر `statusdesk channel secret {name} access_token`.</translation>
    </message>
    <message>
        <location filename="../../../channels/posts.py" line="36"/>
        <source>Shorten it, or link to a longer write-up.</source>
        <translation>اختصره، أو ضع رابطًا إلى نص أطول.</translation>
    </message>
    <message>
        <location filename="../../../channels/posts.py" line="41"/>
        <source>English post</source>
        <translation>المنشور الإنجليزي</translation>
    </message>
    <message>
        <location filename="../../../channels/posts.py" line="42"/>
        <source>Arabic post</source>
        <translation>المنشور العربي</translation>
    </message>
    <message>
        <location filename="../../../channels/posts.py" line="92"/>
        <source>Shorten it, or turn splitting on (`--set split=on`).</source>
        <translation>اختصره، أو فعّل التقسيم (`--set split=on`).</translation>
    </message>
    <message>
        <location filename="../../../channels/posts.py" line="99"/>
        <source>{name}: the {what} {why}. {fix}</source>
        <translation>{name}: {what} {why}. {fix}</translation>
    </message>
    <message>
        <location filename="../../../channels/posts.py" line="121"/>
        <source>{name}: the update has no text to post.</source>
        <translation>{name}: ليس في التحديث نص يُنشر.</translation>
    </message>
    <message>
        <location filename="../../../channels/posts.py" line="137"/>
        <source>{name}: the update would take a thread of {count} posts; at most {most} go out as one update. {fix}</source>
        <translation>{name}: يحتاج التحديث إلى سلسلة عدد منشوراتها {count}، والحد الأقصى للتحديث الواحد {most}. {fix}</translation>
    </message>
    <message>
        <location filename="../../../channels/registry.py" line="48"/>
        <source>Channel {name} is of kind {kind}, which this statusdesk does not know (it knows: {known}). Upgrade statusdesk or disable the channel.</source>
        <translation>القناة {name} من النوع {kind}، وهذا الإصدار من statusdesk لا يعرفه (يعرف: {known}). حدّث statusdesk أو عطّل القناة.</translation>
    </message>
    <message>
        <location filename="../../../channels/registry.py" line="110"/>
        <source>{key} is not a setting of a site channel any more: it is the workspace setting {moved} (`statusdesk setting set {moved} VALUE`)</source>
        <translation>لم يعد {key} إعدادًا لقناة الموقع: صار إعداد مساحة العمل {moved} (`statusdesk setting set {moved} VALUE`)</translation>
    </message>
    <message>
        <location filename="../../../channels/registry.py" line="118"/>
        <source>{key} is not a setting of a {kind} channel; it takes: {keys} (secrets go to the keyring with `statusdesk channel secret NAME KEY`)</source>
        <translation>{key} ليس من إعدادات قناة من نوع {kind}؛ إعداداتها: {keys} (والأسرار تُحفظ في حلقة المفاتيح بالأمر `statusdesk channel secret NAME KEY`)</translation>
    </message>
    <message>
        <location filename="../../../channels/targets.py" line="80"/>
        <source>{key} is a secret, and secrets are never kept in a channel&apos;s settings: store it in the keyring with `statusdesk channel secret NAME {key}` (it reads the value from stdin)</source>
        <translation>{key} سرّ، والأسرار لا تُحفظ أبدًا في إعدادات القناة: احفظه في حلقة المفاتيح بالأمر `statusdesk channel secret NAME {key}` (يقرأ القيمة من الإدخال القياسي)</translation>
    </message>
    <message>
        <location filename="../../../channels/targets.py" line="149"/>
        <source>a cloud metadata service</source>
        <translation>خدمة بيانات تعريف سحابية</translation>
    </message>
    <message>
        <location filename="../../../channels/targets.py" line="154"/>
        <source>a link-local or cloud metadata address</source>
        <translation>عنوان محلي الارتباط أو عنوان بيانات تعريف سحابية</translation>
    </message>
    <message>
        <location filename="../../../channels/targets.py" line="156"/>
        <source>a name that resolves to a link-local or cloud metadata address</source>
        <translation>اسم يُحَلّ إلى عنوان محلي الارتباط أو عنوان بيانات تعريف سحابية</translation>
    </message>
    <message>
        <location filename="../../../channels/targets.py" line="161"/>
        <source>{key} points at {why} ({name}); a channel never sends there — it would hand the request and its credentials to this machine&apos;s cloud identity service</source>
        <translation>{key} يشير إلى {why} ({name})؛ والقناة لا ترسل إلى هناك أبدًا — فذلك يسلّم الطلب وبيانات اعتماده لخدمة الهوية السحابية لهذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../../channels/targets.py" line="181"/>
        <source>base_url must be an https:// address (got {got}; http:// only for a test server on this machine); the default is {default}</source>
        <translation>يجب أن يكون base_url عنوانًا بصيغة https://‏ (وصل {got}؛ ولا يُقبل http://‏ إلا لخادم اختبار على هذا الجهاز)؛ والقيمة الافتراضية {default}</translation>
    </message>
    <message>
        <location filename="../../../channels/targets.py" line="212"/>
        <source>{key} must be an https:// address: this channel sends its API key with every request (http:// only for a test server on this machine); the default is {default}</source>
        <translation>يجب أن يكون {key} عنوانًا بصيغة https://‏: فهذه القناة ترسل مفتاح API مع كل طلب (ولا يُقبل http://‏ إلا لخادم اختبار على هذا الجهاز)؛ والقيمة الافتراضية {default}</translation>
    </message>
    <message>
        <location filename="../../../channels/targets.py" line="221"/>
        <source>{key} carries a login (user:password@) and must be an https:// address (http:// only to this machine): the login would cross the network readable</source>
        <translation>{key} يحمل بيانات دخول (user:password@)، فيجب أن يكون عنوانًا بصيغة https://‏ (ولا يُقبل http://‏ إلا إلى هذا الجهاز): وإلا عبرت بيانات الدخول الشبكة مقروءة</translation>
    </message>
    <message>
        <location filename="../../../channels/telegram.py" line="120"/>
        <source>chat_id must be the channel&apos;s @username or its numeric id (got {got}); e.g. --set chat_id=@acme_status or --set chat_id=-1001234567890</source>
        <translation>يجب أن يكون chat_id اسم مستخدم القناة ‎@username أو معرّفها الرقمي (وصل {got})؛ مثل ‎--set chat_id=@acme_status أو ‎--set chat_id=-1001234567890</translation>
    </message>
    <message>
        <location filename="../../../channels/telegram.py" line="157"/>
        <source>{name}: the {language} message is {units:,} characters as Telegram counts them; a message holds {limit:,}. Shorten it.</source>
        <translation>{name}: عدد أحرف الرسالة ({language}) كما يعدّها Telegram هو {units:,}، والرسالة الواحدة تتسع لـ {limit:,}. اختصرها.</translation>
    </message>
    <message>
        <location filename="../../../channels/telegram.py" line="168"/>
        <source>{name}: its bot token is not set yet. Set it with `statusdesk channel secret {name} bot_token`.</source>
        <translation>{name}: رمز البوت لم يُضبط بعد. اضبطه بالأمر `statusdesk channel secret {name} bot_token`.</translation>
    </message>
    <message>
        <location filename="../../../channels/threads.py" line="86"/>
        <source>thread must be incident (each update replies to the incident&apos;s last post, the default) or update (each update starts a new post) (got {got})</source>
        <translation>يجب أن تكون thread إحدى القيمتين incident (كل تحديث يردّ على آخر منشور للعطل، وهي الافتراضية) أو update (كل تحديث يبدأ منشورًا جديدًا) (وصلت {got})</translation>
    </message>
    <message>
        <location filename="../../../channels/webhook.py" line="56"/>
        <source>url must be an http:// or https:// address (got {got}); e.g. --set url=https://hooks.example.com/statusdesk</source>
        <translation>يجب أن يكون url عنوانًا بصيغة http://‏ أو https://‏ (وصل {got})؛ مثل ‎--set url=https://hooks.example.com/statusdesk</translation>
    </message>
    <message>
        <location filename="../../../channels/webhook.py" line="65"/>
        <source>format must be one of {formats} (got {got})</source>
        <translation>يجب أن تكون format إحدى القيم {formats} (وصلت {got})</translation>
    </message>
    <message>
        <location filename="../../../channels/x/channel.py" line="102"/>
        <source>auth must be oauth1 or oauth2 (got {got})</source>
        <translation>يجب أن تكون auth إحدى القيمتين oauth1 أو oauth2 (وصلت {got})</translation>
    </message>
    <message>
        <location filename="../../../channels/x/channel.py" line="114"/>
        <source>split must be on or off (got {got})</source>
        <translation>يجب أن تكون split إحدى القيمتين on أو off (وصلت {got})</translation>
    </message>
    <message>
        <location filename="../../../channels/x/channel.py" line="152"/>
        <source>{name}: X ({auth}) needs the secret {which}, not set yet. Set it with `statusdesk channel secret {name} {first}`.</source>
        <translation>{name}: يحتاج X ‏({auth}) إلى السرّ {which}، ولم يُضبط بعد. اضبطه بالأمر `statusdesk channel secret {name} {first}`.</translation>
    </message>
    <message>
        <location filename="../../../channels/x/channel.py" line="158"/>
        <source>{name}: X ({auth}) needs the secrets {which}, not set yet. Set each with `statusdesk channel secret {name} {first}` (and so on).</source>
        <translation>{name}: يحتاج X ‏({auth}) إلى الأسرار {which}، ولم تُضبط بعد. اضبط كلًّا منها بالأمر `statusdesk channel secret {name} {first}` (وهكذا مع البقية).</translation>
    </message>
    <message>
        <location filename="../../../channels/x/channel.py" line="220"/>
        <source>custom post text</source>
        <translation>نص المنشور المخصّص</translation>
    </message>
    <message>
        <location filename="../../../channels/x/thread.py" line="107"/>
        <source>weighs {weight} of the {limit} one post may, and splitting into a thread is off for this channel</source>
        <translation>وزنه {weight} والمنشور الواحد يتسع لـ {limit}، وتقسيم النص إلى سلسلة معطّل في هذه القناة</translation>
    </message>
    <message>
        <location filename="../../../channels/x/thread.py" line="126"/>
        <source>would take a thread of {count} posts; at most {most} go out as one update</source>
        <translation>يحتاج إلى سلسلة عدد منشوراتها {count}، والحد الأقصى للتحديث الواحد {most}</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="26"/>
        <source>The workspace database {path} is locked by another program and stayed locked for {seconds} s. Close the other statusdesk or sqlite program using it, then try again. Nothing was changed.</source>
        <translation>قاعدة بيانات مساحة العمل {path} يقفلها برنامج آخر، وبقيت مقفلة {seconds} ث. أغلق نسخة statusdesk الأخرى أو برنامج sqlite الذي يستخدمها، ثم حاول مرة أخرى. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="33"/>
        <source>The workspace {folder} cannot be written to. Check its permissions and free disk space, or choose another workspace with --home. Nothing was changed.</source>
        <translation>لا يمكن الكتابة في مساحة العمل {folder}. تحقّق من أذوناتها ومن المساحة الحرة على القرص، أو اختر مساحة عمل أخرى بـ ‎--home. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="39"/>
        <source>The disk holding {path} is full or failing ({error}). Free some space and try again; the last saved state is intact.</source>
        <translation>القرص الذي يحمل {path} ممتلئ أو معطوب ({error}). وفّر بعض المساحة وحاول مرة أخرى؛ آخر حالة محفوظة سليمة.</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="45"/>
        <source>The workspace database {path} is damaged ({error}). Restore it from a backup (statusdesk keeps one beside it before every upgrade: {backups}).</source>
        <translation>قاعدة بيانات مساحة العمل {path} تالفة ({error}). استعدها من نسخة احتياطية (يحفظ statusdesk نسخة بجانبها قبل كل ترقية: {backups}).</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="50"/>
        <source>The workspace database {path} could not be used: {error}</source>
        <translation>تعذّر استخدام قاعدة بيانات مساحة العمل {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="58"/>
        <source>The workspace database {path} is read-only for this user. Fix its permissions (chmod u+rw) or choose another workspace with --home. Nothing was changed.</source>
        <translation>قاعدة بيانات مساحة العمل {path} للقراءة فقط لهذا المستخدم. أصلح أذوناتها (chmod u+rw) أو اختر مساحة عمل أخرى بـ ‎--home. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="67"/>
        <source>The workspace folder {folder} is read-only for this user. Fix its permissions or choose another workspace with --home. Nothing was changed.</source>
        <translation>مجلد مساحة العمل {folder} للقراءة فقط لهذا المستخدم. أصلح أذوناته أو اختر مساحة عمل أخرى بـ ‎--home. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="157"/>
        <source>The workspace {folder} was written by a newer statusdesk (schema {version}, this one knows {target}). Upgrade statusdesk to open it.</source>
        <translation>مساحة العمل {folder} كتبها إصدار أحدث من statusdesk (المخطط {version}، وهذا الإصدار يعرف حتى {target}). حدّث statusdesk لتفتحها.</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="204"/>
        <source>The database is empty but this workspace has {what}: restore it from a backup ({backup} beside it is the newest statusdesk made) instead of starting afresh over it. The empty database is {path}; for a new workspace, choose another folder with --home. Nothing was changed.</source>
        <translation>قاعدة البيانات فارغة، لكن في مساحة العمل هذه {what}: استعدها من نسخة احتياطية ({backup} بجانبها أحدث نسخة صنعها statusdesk) بدل البدء من جديد فوقها. قاعدة البيانات الفارغة هي {path}؛ ولمساحة عمل جديدة اختر مجلدًا آخر بـ ‎--home. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="212"/>
        <source>The database is empty but this workspace has {what}: restore it from a backup of {name} instead of starting afresh over it. The empty database is {path}; for a new workspace, choose another folder with --home. Nothing was changed.</source>
        <translation>قاعدة البيانات فارغة، لكن في مساحة العمل هذه {what}: استعدها من نسخة احتياطية من {name} بدل البدء من جديد فوقها. قاعدة البيانات الفارغة هي {path}؛ ولمساحة عمل جديدة اختر مجلدًا آخر بـ ‎--home. لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="256"/>
        <source>The workspace database {path} failed its integrity check: {problem}. Restore it from a backup ({backups} beside it) or move it away to start fresh.</source>
        <translation>لم تجتز قاعدة بيانات مساحة العمل {path} فحص السلامة: {problem}. استعدها من نسخة احتياطية ({backups} بجانبها) أو انقلها من مكانها لتبدأ من جديد.</translation>
    </message>
    <message>
        <location filename="../../../store/db.py" line="276"/>
        <source>The workspace {folder} could not be created or opened: {error}. Choose another place with --home.</source>
        <translation>تعذّر إنشاء مساحة العمل {folder} أو فتحها: {error}. اختر مكانًا آخر بـ ‎--home.</translation>
    </message>
    <message>
        <location filename="../../../app/previews.py" line="94"/>
        <source>There is no channel named {name} any more.</source>
        <translation>لم تعد هناك قناة باسم {name}.</translation>
    </message>
    <message>
        <location filename="../../../app/previews.py" line="141"/>
        <source>Write the update to see what {name} sends.</source>
        <translation>اكتب التحديث لترى ما سترسله {name}.</translation>
    </message>
    <message>
        <location filename="../../../app/previews.py" line="157"/>
        <source>{name}: the preview failed ({error}).</source>
        <translation>{name}: تعذّرت المعاينة ({error}).</translation>
    </message>
    <message>
        <location filename="../../../app/subscribers.py" line="74"/>
        <source>no component named; to follow every component, say so (--all-components)</source>
        <translation>لم يُسمَّ أي مكوّن؛ لمتابعة كل المكونات قل ذلك صراحة (‎--all-components)</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="37"/>
        <source>an email address is empty</source>
        <translation>عنوان بريد إلكتروني فارغ</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="40"/>
        <source>{address} is not an email address: give the bare address, like name@example.com, without a display name, spaces, quotes or brackets</source>
        <translation>{address} ليس عنوان بريد إلكتروني: اكتب العنوان وحده، مثل name@example.com، بلا اسم عرض ولا مسافات ولا علامات اقتباس ولا أقواس</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="60"/>
        <source>{address}: the part before @ must be ASCII (statusdesk does not send SMTPUTF8 mail)</source>
        <translation>{address}: يجب أن يكون الجزء الذي قبل @ بأحرف ASCII (لا يرسل statusdesk بريد SMTPUTF8)</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="70"/>
        <source>{address}: {domain} is not a valid domain name</source>
        <translation>{address}: {domain} ليس اسم نطاق صالحًا</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="84"/>
        <source>{address}: {domain} is not a domain that can receive mail (expected something like example.com)</source>
        <translation>{address}: {domain} ليس نطاقًا يستقبل البريد (المتوقع شيء مثل example.com)</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="93"/>
        <source>{address} is longer than {most} characters</source>
        <translation>{address} أطول من {most} حرفًا</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="101"/>
        <source>{address} is not an email address (expected name@example.com)</source>
        <translation>{address} ليس عنوان بريد إلكتروني (المتوقع name@example.com)</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="112"/>
        <source>{text} is not a language; use ar, en or both</source>
        <translation>{text} ليست لغة؛ استخدم ar أو en أو both</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="159"/>
        <source>the components are: {listed}</source>
        <translation>المكونات هي: {listed}</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="161"/>
        <source>there are no components yet (add them with `statusdesk component add`)</source>
        <translation>لا توجد مكونات بعد (أضفها بالأمر `statusdesk component add`)</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="167"/>
        <source>{which} is not a component; {there}. Name them by their English or Arabic name, separated by commas.</source>
        <translation>{which} ليس مكوّنًا؛ {there}. سمِّ المكونات بأسمائها الإنجليزية أو العربية، تفصل بينها فواصل.</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="173"/>
        <source>{which} are not components; {there}. Name them by their English or Arabic name, separated by commas.</source>
        <translation>{which} ليست مكونات؛ {there}. سمِّ المكونات بأسمائها الإنجليزية أو العربية، تفصل بينها فواصل.</translation>
    </message>
    <message>
        <location filename="../../../store/subscriber_input.py" line="224"/>
        <source>{where} is not a CSV file this can read (line {line}: {error}); nothing was imported.</source>
        <translation>{where} ليس ملف CSV يمكن قراءته (السطر {line}: {error})؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="185"/>
        <source>component id(s) {missing} do not exist (see `statusdesk component list`)</source>
        <translation>لا توجد مكونات بالمعرّفات {missing} (انظر `statusdesk component list`)</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="218"/>
        <source>{email} is already subscribed (since {since}, language {language}). To change its language or components, use `statusdesk subscriber edit`.</source>
        <translation>{email} مشترك من قبل (منذ {since}، اللغة {language}). لتغيير لغته أو مكوناته استخدم `statusdesk subscriber edit`.</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="280"/>
        <source>{email} unsubscribed on {when}; subscribe them again with `statusdesk subscriber add` if they asked to be.</source>
        <translation>ألغى {email} اشتراكه في {when}؛ أعد اشتراكه بالأمر `statusdesk subscriber add` إن طلب ذلك.</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="362"/>
        <source>{where}: cannot read it ({error}).</source>
        <translation>{where}: تتعذّر قراءته ({error}).</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="368"/>
        <source>{where} is larger than {most} bytes.</source>
        <translation>{where} أكبر من {most} بايت.</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="377"/>
        <source>{where} is not UTF-8 text (byte {byte} on line {line} cannot be read). Save it as UTF-8 (CSV UTF-8) and import it again; nothing was imported.</source>
        <translation>{where} ليس نصًا بترميز UTF-8 (تتعذّر قراءة البايت {byte} في السطر {line}). احفظه بترميز UTF-8 (CSV UTF-8) واستورده مرة أخرى؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="398"/>
        <source>{address} repeats line {line}</source>
        <translation>{address} يكرّر السطر {line}</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="412"/>
        <source>already subscribed</source>
        <translation>مشترك من قبل</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="414"/>
        <source>unsubscribed on {when}; not signed up again (use `statusdesk subscriber add` if they asked to be)</source>
        <translation>أُلغي اشتراكه في {when}؛ فلم يُعَد اشتراكه (استخدم `statusdesk subscriber add` إن طلب ذلك)</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="420"/>
        <source>{address}: {why}</source>
        <translation>{address}: {why}</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="435"/>
        <source>added</source>
        <translation>أُضيف</translation>
    </message>
    <message>
        <location filename="../../../store/subscribers.py" line="457"/>
        <source>{email} is not a subscriber (see `statusdesk subscriber list`).</source>
        <translation>{email} ليس مشتركًا (انظر `statusdesk subscriber list`).</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="158"/>
        <source>{state} is not a state of {kind}; choose one of {allowed}.</source>
        <translation>{state} ليست من حالات {kind}؛ اختر إحدى هذه الحالات: {allowed}.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="167"/>
        <source>Both the English and the Arabic text are empty; write the template in at least one language.</source>
        <translation>النصان الإنجليزي والعربي فارغان؛ اكتب القالب بلغة واحدة على الأقل.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="189"/>
        <source>Give the template a name, e.g. db-failover.</source>
        <translation>أعطِ القالب اسمًا، مثل db-failover.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="196"/>
        <source>The name is {count} characters long; keep it to {most}.</source>
        <translation>عدد أحرف الاسم {count}؛ اجعله {most} على الأكثر.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="205"/>
        <source>The name {name} may hold only lower-case letters a-z, digits, - and _, and starts with a letter or digit (e.g. {suggestion}).</source>
        <translation>لا يحوي الاسم {name} إلا الأحرف الصغيرة a-z والأرقام و- و_، ويبدأ بحرف أو رقم (مثل {suggestion}).</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="211"/>
        <source>The name {name} may hold only lower-case letters a-z, digits, - and _, and starts with a letter or digit.</source>
        <translation>لا يحوي الاسم {name} إلا الأحرف الصغيرة a-z والأرقام و- و_، ويبدأ بحرف أو رقم.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="224"/>
        <source>only a maintenance has a window, so an incident template never fills it</source>
        <translation>للصيانة وحدها نافذة زمنية، فلا يملؤه قالب عطل أبدًا</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="229"/>
        <source>a {state} update promises no next one, so it is never filled</source>
        <translation>تحديث بحالة {state} لا يعد بتحديث تالٍ، فلا يُملأ أبدًا</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="251"/>
        <source>it is never filled</source>
        <translation>لا يُملأ أبدًا</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="255"/>
        <source>{text} uses {placeholder}: {why}.</source>
        <translation>{text} يستخدم {placeholder}: {why}.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="287"/>
        <source>{name} is already a default template; choose another name, or pick it in the list to edit it.</source>
        <translation>{name} قالب افتراضي من قبل؛ اختر اسمًا آخر، أو اختره من القائمة لتحرّره.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="293"/>
        <source>{name} is already a template of this workspace; choose another name, or pick it in the list to edit it.</source>
        <translation>{name} قالب في مساحة العمل هذه من قبل؛ اختر اسمًا آخر، أو اختره من القائمة لتحرّره.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="331"/>
        <source>{name} is one of statusdesk&apos;s default templates and cannot be deleted; edit it and save to use your own text instead.</source>
        <translation>{name} من قوالب statusdesk الافتراضية ولا يمكن حذفه؛ حرّره واحفظه لتستخدم نصك بدلًا منه.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="338"/>
        <source>There is no template {name} in {path}; a template of another *.json file in {folder} is changed in that file.</source>
        <translation>لا يوجد قالب باسم {name} في {path}؛ قالب ملف ‎*.json آخر في {folder} يُغيَّر في ذلك الملف.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="354"/>
        <source>{message}. Fix the file by hand or move it away: until it reads, this workspace&apos;s templates are not used, and nothing is saved to it.</source>
        <translation>{message}. أصلح الملف يدويًا أو انقله من مكانه: حتى تمكن قراءته لا تُستخدم قوالب مساحة العمل هذه، ولا يُحفظ فيه شيء.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="359"/>
        <source>{message}. Fix the file by hand or move it away: until it reads, this workspace&apos;s templates are not used, though the Templates window still saves to {file}.</source>
        <translation>{message}. أصلح الملف يدويًا أو انقله من مكانه: حتى تمكن قراءته لا تُستخدم قوالب مساحة العمل هذه، مع أن نافذة القوالب ما زالت تحفظ في {file}.</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="373"/>
        <source>{path}: cannot be read ({error})</source>
        <translation>{path}: تتعذّر قراءته ({error})</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="378"/>
        <source>{path}: not valid JSON ({error})</source>
        <translation>{path}: ليس JSON صالحًا ({error})</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="381"/>
        <source>{path}: not a JSON object with &quot;templates&quot;</source>
        <translation>{path}: ليس كائن JSON فيه &quot;templates&quot;</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="398"/>
        <source>Cannot save to {folder}: {error}</source>
        <translation>يتعذّر الحفظ في {folder}: {error}</translation>
    </message>
    <message>
        <location filename="../../../scheduling/template_store.py" line="418"/>
        <source>Cannot save {path}: {error}; the file is as it was.</source>
        <translation>يتعذّر حفظ {path}: {error}؛ بقي الملف كما كان.</translation>
    </message>
    <message>
        <location filename="../../../export/api.py" line="45"/>
        <source>{zone} is not a time zone statusdesk knows; give an IANA name such as UTC, Europe/London, Asia/Riyadh or America/New_York.</source>
        <translation>{zone} ليست منطقة زمنية يعرفها statusdesk؛ اكتب اسمًا من IANA مثل UTC أو Europe/London أو Asia/Riyadh أو America/New_York.</translation>
    </message>
    <message>
        <location filename="../../../export/api.py" line="59"/>
        <source>Unknown format {format}; choose one of {known}.</source>
        <translation>الصيغة {format} غير معروفة؛ اختر إحدى هذه: {known}.</translation>
    </message>
    <message>
        <location filename="../../../export/files.py" line="31"/>
        <source>{target} is a folder; give a file name, e.g. {example}.</source>
        <translation>{target} مجلد؛ اكتب اسم ملف، مثل {example}.</translation>
    </message>
    <message>
        <location filename="../../../export/files.py" line="39"/>
        <source>{target} is not a regular file (a device, pipe or socket); give a file&apos;s path (without -o, a text format goes to standard output).</source>
        <translation>{target} ليس ملفًا عاديًا (جهاز أو أنبوب أو مقبس)؛ اكتب مسار ملف (ومن دون ‎-o تذهب الصيغة النصية إلى المخرج القياسي).</translation>
    </message>
    <message>
        <location filename="../../../export/files.py" line="47"/>
        <source>The folder {folder} does not exist; create it or choose another place.</source>
        <translation>المجلد {folder} غير موجود؛ أنشئه أو اختر مكانًا آخر.</translation>
    </message>
    <message>
        <location filename="../../../export/files.py" line="98"/>
        <source>free some space and export again</source>
        <translation>وفّر بعض المساحة وصدّر مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../../export/files.py" line="100"/>
        <source>choose a folder you can write to</source>
        <translation>اختر مجلدًا تستطيع الكتابة فيه</translation>
    </message>
    <message>
        <location filename="../../../export/files.py" line="102"/>
        <source>check the disk and export again</source>
        <translation>افحص القرص وصدّر مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../../export/files.py" line="103"/>
        <source>Could not write {target}: {why}. Nothing was written (a file already there is unchanged); {advice}.</source>
        <translation>تعذّرت كتابة {target}: {why}. لم يُكتب شيء (والملف الموجود هناك لم يتغيّر)؛ {advice}.</translation>
    </message>
    <message>
        <location filename="../../../export/pdf.py" line="77"/>
        <source>A PDF export needs Qt&apos;s GUI application, but this process runs a plain QCoreApplication; export to PDF from the CLI or the desktop app instead.</source>
        <translation>يحتاج التصدير إلى PDF إلى تطبيق Qt الرسومي، لكن هذه العملية تشغّل QCoreApplication فقط؛ صدّر إلى PDF من سطر الأوامر أو من تطبيق سطح المكتب بدلًا من ذلك.</translation>
    </message>
    <message>
        <location filename="../../../export/pdf.py" line="86"/>
        <source>A PDF export needs Qt&apos;s GUI application, which must be created on the main thread; start the export there (the CLI does).</source>
        <translation>يحتاج التصدير إلى PDF إلى تطبيق Qt الرسومي، ويجب إنشاؤه على الخيط الرئيسي؛ ابدأ التصدير هناك (كما يفعل سطر الأوامر).</translation>
    </message>
    <message>
        <location filename="../../../export/pdf.py" line="100"/>
        <source>No installed font has Arabic letters, so the PDF would show empty boxes. Install one (Debian: fonts-dejavu-core or fonts-noto-core), or export HTML instead.</source>
        <translation>لا يوجد خط مثبّت فيه حروف عربية، فسيُظهر ملف PDF مربعات فارغة. ثبّت خطًا (في Debian: ‏fonts-dejavu-core أو fonts-noto-core)، أو صدّر HTML بدلًا من ذلك.</translation>
    </message>
    <message>
        <location filename="../../../export/pdf.py" line="148"/>
        <source>Qt could not start writing the PDF.</source>
        <translation>تعذّر على Qt بدء كتابة ملف PDF.</translation>
    </message>
    <message>
        <location filename="../../../export/timeline.py" line="136"/>
        <source>There is no incident {id} (`statusdesk incident list` shows them).</source>
        <translation>لا يوجد عطل رقمه {id} (يعرضها `statusdesk incident list`).</translation>
    </message>
    <message>
        <location filename="../../../secrets.py" line="31"/>
        <source>No usable keyring to keep channel secrets in ({cause}). On a Linux desktop, install and unlock GNOME Keyring or KWallet (a Secret Service); on a server, run statusdesk inside a session that has one (e.g. `dbus-run-session` with `gnome-keyring-daemon --unlock`).</source>
        <translation>لا توجد حلقة مفاتيح صالحة لحفظ أسرار القنوات ({cause}). على سطح مكتب Linux ثبّت GNOME Keyring أو KWallet وافتح قفله (خدمة Secret Service)؛ وعلى خادم شغّل statusdesk داخل جلسة فيها واحدة (مثلًا `dbus-run-session` مع `gnome-keyring-daemon --unlock`).</translation>
    </message>
    <message>
        <location filename="../../../secrets.py" line="51"/>
        <source>no backend found</source>
        <translation>لم يوجد أي نظام لحفظ المفاتيح</translation>
    </message>
    <message>
        <location filename="../../../channels/statuspage/components.py" line="63"/>
        <source>{channel}: our component {component} has no Statuspage component in this channel&apos;s components setting, so its status will not change there (the update still goes out). Add {name}:THEIR-COMPONENT-ID to the setting.</source>
        <translation>{channel}: مكوّننا {component} ليس له مكوّن في Statuspage في إعداد components لهذه القناة، فلن تتغيّر حالته هناك (ويخرج التحديث مع ذلك). أضف ‎{name}:THEIR-COMPONENT-ID إلى الإعداد.</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="63"/>
        <source>from is missing; e.g. --set from=status@example.com</source>
        <translation>الإعداد from مفقود؛ مثل ‎--set from=status@example.com</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="68"/>
        <source>from: {got} is not an email address</source>
        <translation>from: {got} ليس عنوان بريد إلكتروني</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="90"/>
        <source>recipients: {problem}</source>
        <translation>recipients: {problem}</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="105"/>
        <source>port must be a number from 1 to 65535 (got {got}), e.g. --set port=587</source>
        <translation>يجب أن يكون port رقمًا من 1 إلى 65535 (وصل {got})، مثل ‎--set port=587</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="116"/>
        <source>connections must be a whole number from 1 to {most} (got {got}): how many SMTP sessions mail at once, e.g. --set connections=4; check how many your provider allows</source>
        <translation>يجب أن يكون connections عددًا صحيحًا من 1 إلى {most} (وصل {got}): عدد جلسات SMTP التي ترسل البريد في وقت واحد، مثل ‎--set connections=4؛ تحقّق من العدد الذي يسمح به مزوّد خدمتك</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="134"/>
        <source>max_per_second must be a number of messages a second above 0, at most {most} (got {got}), e.g. --set max_per_second=14 for a provider that allows 14 a second; leave it out for no limit</source>
        <translation>يجب أن يكون max_per_second عدد الرسائل في الثانية، أكبر من 0 وبحدّ أقصى {most} (وصل {got})، مثل ‎--set max_per_second=14 لمزوّد يسمح بـ14 رسالة في الثانية؛ احذفه إن لم يكن هناك حدّ</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="149"/>
        <source>host must be the SMTP server&apos;s name (got {got}), e.g. --set host=smtp.example.com</source>
        <translation>يجب أن يكون host اسم خادم SMTP (وصل {got})، مثل ‎--set host=smtp.example.com</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="157"/>
        <source>security must be starttls (port 587), tls (port 465) or none (got {got})</source>
        <translation>يجب أن يكون security إحدى القيم starttls (المنفذ 587) أو tls (المنفذ 465) أو none (وصل {got})</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="167"/>
        <source>port 465 speaks TLS from the first byte: use --set security=tls with it (or port 587 with starttls)</source>
        <translation>المنفذ 465 يتحدث TLS من البايت الأول: استخدم معه ‎--set security=tls (أو المنفذ 587 مع starttls)</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="175"/>
        <source>port {port} starts in plaintext and upgrades with STARTTLS: use --set security=starttls with it (or port 465 with tls)</source>
        <translation>المنفذ {port} يبدأ بلا تشفير ثم ينتقل إلى التشفير بـ STARTTLS: استخدم معه ‎--set security=starttls (أو المنفذ 465 مع tls)</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="184"/>
        <source>security=none sends every email unencrypted; use starttls or tls, or if this server is on a network you trust, say so with --set allow_plaintext=yes</source>
        <translation>مع security=none تُرسَل كل رسالة بريد بلا تشفير؛ استخدم starttls أو tls، أو إن كان هذا الخادم على شبكة تثق بها فصرّح بذلك بـ ‎--set allow_plaintext=yes</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="192"/>
        <source>a username needs TLS: statusdesk never sends a password unencrypted. Use security=starttls or tls, or remove the username for a relay without AUTH</source>
        <translation>اسم المستخدم يحتاج إلى TLS: لا يرسل statusdesk كلمة مرور بلا تشفير أبدًا. استخدم security=starttls أو tls، أو احذف اسم المستخدم لخادم ترحيل بلا AUTH</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="205"/>
        <source>from: {problem}</source>
        <translation>from: {problem}</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="217"/>
        <source>unsubscribe_url must be an https:// address (got {got}), e.g. --set unsubscribe_url=https://status.example.com/unsubscribe?token={{token}}</source>
        <translation>يجب أن يكون unsubscribe_url عنوانًا بصيغة https://‏ (وصل {got})، مثل ‎--set unsubscribe_url=https://status.example.com/unsubscribe?token={{token}}</translation>
    </message>
    <message>
        <location filename="../../../channels/email/settings.py" line="226"/>
        <source>digits must be latn or arab (got {got})</source>
        <translation>يجب أن يكون digits إما latn أو arab (وصل {got})</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/database.py" line="58"/>
        <source>{server} asks for a password and none was found. Keep it in the keyring (statusdesk db password URL) or in ~/.pgpass, then try again.</source>
        <translation>يطلب {server} كلمة مرور ولم يُعثر على واحدة. احفظها في حافظة المفاتيح (statusdesk db password URL) أو في ‎~/.pgpass، ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/database.py" line="64"/>
        <source>The workspace database {server} could not be used over TLS: {error}. Check that the URL&apos;s sslrootcert names the CA that signed the server&apos;s certificate and that its host is the one the certificate names, then try again; nothing was changed.</source>
        <translation>تعذّر استخدام قاعدة بيانات مساحة العمل {server} عبر TLS: {error}. تحقّق من أن sslrootcert في العنوان يسمّي المرجع (CA) الذي وقّع شهادة الخادم، وأن المضيف فيه هو الذي تسمّيه الشهادة، ثم أعد المحاولة؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/database.py" line="70"/>
        <source>The workspace database {server} could not be used: {error}. Check that the server is up and reachable from here and that the URL names it, then try again; nothing was changed.</source>
        <translation>تعذّر استخدام قاعدة بيانات مساحة العمل {server}: {error}. تحقّق من أن الخادم يعمل ويمكن الوصول إليه من هنا وأن العنوان يسمّيه، ثم حاول مرة أخرى؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/database.py" line="91"/>
        <source>{server} refused this change ({error}): the role this desk signs in as may not make it (a reader&apos;s may only read; a reviewer&apos;s may only approve or return updates submitted for review). Nothing was changed. Reading and exporting still work; to write, sign in as a role in statusdesk_publish (docs/TEAM.md).</source>
        <translation>رفض {server} هذا التغيير ({error}): الدور الذي يدخل به هذا المكتب لا يملكه (دور القارئ يملك القراءة فقط، ودور المراجع يملك اعتماد التحديثات المقدَّمة للمراجعة أو إعادتها فقط). لم يتغير شيء. القراءة والتصدير ما زالا يعملان؛ للكتابة ادخل بدور من statusdesk_publish (docs/TEAM.md).</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/store.py" line="76"/>
        <source>The workspace database {server} was written by a newer statusdesk (schema {version}, this one knows {target}). Upgrade statusdesk to open it.</source>
        <translation>كتب قاعدةَ بيانات مساحة العمل {server} إصدارٌ أحدث من statusdesk (المخطط {version}، وهذا الإصدار يعرف حتى {target}). حدّث statusdesk لفتحها.</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/copy.py" line="108"/>
        <source>The workspace {path} is not at this statusdesk&apos;s schema (version {version}, tables {tables}). Open it once with this statusdesk, then copy it.</source>
        <translation>مساحة العمل {path} ليست على مخطط هذا الإصدار من statusdesk (الإصدار {version}، الجداول {tables}). افتحها مرة بهذا الإصدار، ثم انسخها.</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/copy.py" line="147"/>
        <source>{server} already holds a workspace (or other tables): nothing was copied. Copy into a new, empty database (createdb), so that two histories are never mixed.</source>
        <translation>في {server} مساحة عمل من قبل (أو جداول أخرى): لم يُنسخ شيء. انسخ إلى قاعدة بيانات جديدة فارغة (createdb) حتى لا يختلط سجلّان أبدًا.</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/copy.py" line="172"/>
        <source>The copy in {server} differs from the workspace in {tables}. Drop that database and copy again; the workspace itself was not changed.</source>
        <translation>النسخة في {server} تختلف عن مساحة العمل في {tables}. احذف تلك القاعدة وانسخ مرة أخرى؛ لم تتغير مساحة العمل نفسها.</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/login.py" line="38"/>
        <source>A team desk on PostgreSQL needs psycopg, which is not installed here ({name}). Install it with `pip install &apos;statusdesk[team]&apos;` (or `pip install &apos;psycopg[binary,pool]&apos;`), then try again. A workspace in its own folder needs nothing more.</source>
        <translation>مكتب الفريق على PostgreSQL يحتاج psycopg، وهو غير مثبّت هنا ({name}). ثبّته بالأمر `pip install &apos;statusdesk[team]&apos;` (أو `pip install &apos;psycopg[binary,pool]&apos;`)، ثم حاول مرة أخرى. مساحة العمل في مجلدها لا تحتاج شيئًا آخر.</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/login.py" line="56"/>
        <source>{url} is not a PostgreSQL URL: give one like postgresql://user@host/database (add ?sslmode=verify-full for TLS).</source>
        <translation>{url} ليس عنوان PostgreSQL: أعطِ عنوانًا مثل postgresql://user@host/database (أضف ?sslmode=verify-full للاتصال المشفّر TLS).</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/login.py" line="66"/>
        <source>The PostgreSQL URL cannot be read: {error}</source>
        <translation>تتعذّر قراءة عنوان PostgreSQL: {error}</translation>
    </message>
    <message>
        <location filename="../../../store/postgres/login.py" line="72"/>
        <source>The URL for {server} holds a password, which would show in the process list and the shell&apos;s history. Give the URL without it and keep the password in the keyring (statusdesk db password {server_url}) or in ~/.pgpass.</source>
        <translation>عنوان {server} يحمل كلمة مرور، وهي ستظهر في قائمة العمليات وفي سجل الأوامر. أعطِ العنوان بدونها واحفظ كلمة المرور في حافظة المفاتيح (statusdesk db password {server_url}) أو في ‎~/.pgpass.</translation>
    </message>
    <message>
        <location filename="../../../app/review.py" line="270"/>
        <source>{reviewer} wrote update {id} for review and cannot approve it too: another person must approve it (or return it).</source>
        <translation>كتب {reviewer} التحديث {id} المرسَل للمراجعة، فلا يمكنه اعتماده أيضًا: يجب أن يعتمده شخص آخر (أو يعيده).</translation>
    </message>
    <message>
        <location filename="../../../app/review.py" line="302"/>
        <source>Say why the update goes back to its author: the comment is empty.</source>
        <translation>اذكر سبب إعادة التحديث إلى كاتبه: التعليق فارغ.</translation>
    </message>
    <message>
        <location filename="../../../app/review.py" line="318"/>
        <source>There is no update {id} for review.</source>
        <translation>لا يوجد تحديث {id} بانتظار المراجعة.</translation>
    </message>
    <message>
        <location filename="../../../app/review.py" line="325"/>
        <source>Say who decides on the update (its reviewer).</source>
        <translation>اذكر من يقرر في التحديث (مراجعه).</translation>
    </message>
    <message>
        <location filename="../../../app/review.py" line="335"/>
        <source>Update {id} for review is {state} already (by {reviewer}).</source>
        <translation>التحديث {id} المرسَل للمراجعة أصبح {state} بالفعل (بواسطة {reviewer}).</translation>
    </message>
    <message>
        <location filename="../../../app/review.py" line="346"/>
        <source>Its text gives the new incident&apos;s address as incident {id}, and that number has been taken since: return it, so that its author writes it again.</source>
        <translation>يذكر نصه عنوان الحادثة الجديدة على أنها الحادثة {id}، وقد أُخذ هذا الرقم منذ ذلك الحين: أعِده ليكتبه كاتبه من جديد.</translation>
    </message>
    <message>
        <location filename="../../../app/review_maintenance.py" line="106"/>
        <source>The maintenance&apos;s {template} announcement no longer reads as it did when it was submitted (its template was edited since, or its time passed): return it, so that its author submits it again.</source>
        <translation>إعلان {template} للصيانة لم يعد كما كان حين قُدِّم (عُدِّل قالبه منذئذ، أو مضى وقته): أعِده ليقدّمه كاتبه من جديد.</translation>
    </message>
    <message>
        <location filename="../../../app/scheduling.py" line="135"/>
        <source>Review is on in this workspace (setting review.required): an update not yet out cannot be given new words without another person&apos;s approval. Cancel it and submit the new text for review; nothing was changed.</source>
        <translation>المراجعة مفعّلة في مساحة العمل هذه (الإعداد review.required): لا يمكن إعطاء تحديث لم يُنشر بعد كلمات جديدة دون اعتماد شخص آخر. ألغِه وقدّم النص الجديد للمراجعة؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../../app/database.py" line="77"/>
        <source>{problem} This folder&apos;s store.url setting names that database: `statusdesk --db local` opens the folder&apos;s own file instead, and `statusdesk --db local setting set store.url &quot;&quot;` forgets it.</source>
        <translation>{problem} الإعداد store.url في هذا المجلد يسمّي قاعدة البيانات تلك: يفتح `statusdesk --db local` ملف المجلد نفسه بدلًا منها، وينساها `statusdesk --db local setting set store.url &quot;&quot;`.</translation>
    </message>
</context>
<context>
    <name>When</name>
    <message>
        <location filename="../../../scheduling/when.py" line="48"/>
        <source>leave out --at to publish at once</source>
        <translation>احذف ‎--at لتنشر فورًا</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="49"/>
        <source>publish at once</source>
        <translation>انشر فورًا</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="50"/>
        <source>&quot;in {spec}&quot; is more than a year ahead; check the time</source>
        <translation>&quot;in {spec}&quot; أبعد من سنة؛ تحقّق من الوقت</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="51"/>
        <source>{time} is not a time of day (00:00 to 23:59)</source>
        <translation>{time} ليس وقتًا من اليوم (من 00:00 إلى 23:59)</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="52"/>
        <source>{text} is not a time statusdesk understands; use {examples}</source>
        <translation>لا يفهم statusdesk الوقت {text}؛ استخدم {examples}</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="55"/>
        <source>no time given; use {examples}</source>
        <translation>لم يُذكر وقت؛ استخدم {examples}</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="146"/>
        <source>{unit} is not a unit of time; use s, m (min), h or d, e.g. &quot;in 15m&quot;</source>
        <translation>{unit} ليست وحدة زمنية؛ استخدم s أو m (min) أو h أو d، مثل &quot;in 15m&quot;</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="155"/>
        <source>&quot;in 0m&quot; is now: {publish}</source>
        <translation>&quot;in 0m&quot; تعني الآن: {publish}</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="169"/>
        <source>say today or tomorrow once</source>
        <translation>اذكر today أو tomorrow مرة واحدة</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="183"/>
        <source>{text} has no time of day; give one too, e.g. {example}</source>
        <translation>{text} بلا ساعة؛ أضف الساعة أيضًا، مثل {example}</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="223"/>
        <source>{text} is outside the dates statusdesk can use; give a time within the next year</source>
        <translation>{text} خارج التواريخ التي يستطيع statusdesk استعمالها؛ حدِّد وقتًا خلال السنة القادمة</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="231"/>
        <source>{text} ({moment}) is {ago} in the past; give a later time, or {publish}</source>
        <translation>{text} ({moment}) مضى عليه {ago}؛ حدِّد وقتًا لاحقًا، أو {publish}</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="238"/>
        <source>{text} is more than a year ahead; check the date</source>
        <translation>{text} بعد أكثر من سنة من الآن؛ تحقّق من التاريخ</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="293"/>
        <source>{text} is outside the dates statusdesk can use; give a time within the last year</source>
        <translation>{text} خارج التواريخ التي يستطيع statusdesk استعمالها؛ حدِّد وقتًا خلال السنة الماضية</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="300"/>
        <source>{text} ({moment}) is {ahead} ahead: an incident cannot have begun in the future; give the time it began, or leave it out for now</source>
        <translation>{text} ({moment}) يأتي بعد {ahead} من الآن، ولا يمكن أن يكون العطل قد بدأ في المستقبل؛ اذكر الوقت الذي بدأ فيه، أو اتركه فارغًا الآن</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="308"/>
        <source>{text} is more than a year ago; check the date</source>
        <translation>{text} قبل أكثر من سنة؛ تحقّق من التاريخ</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="318"/>
        <source>{n} s</source>
        <translation>{n} ث</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="321"/>
        <source>{n} min</source>
        <translation>{n} د</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="324"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} س {minutes} د</translation>
    </message>
    <message>
        <location filename="../../../scheduling/when.py" line="327"/>
        <source>{n} days</source>
        <translation>{n} يوم</translation>
    </message>
</context>
</TS>
