<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AddSubscriberForm</name>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="47" />
        <source>Add a subscriber</source>
        <translation>إضافة مشترك</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="55" />
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="57" />
        <source>A&amp;ddress:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="57" />
        <source>Address of the new subscriber</source>
        <translation>عنوان المشترك الجديد</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="69" />
        <source>&amp;Language:</source>
        <translation>ال&amp;لغة:</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="69" />
        <source>Language of the new subscriber</source>
        <translation>لغة المشترك الجديد</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="71" />
        <location filename="../../subscribers/subscriber_forms.py" line="86" />
        <source>&amp;Add subscriber</source>
        <translation>&amp;أضف المشترك</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="86" />
        <source>Adding…</source>
        <translation>جارٍ الإضافة…</translation>
    </message>
</context>
<context>
    <name>ComponentsEditor</name>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="187" />
        <source>components</source>
        <translation>المكونات</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="194" />
        <source>Updates about which components go to {email}? Space ticks or unticks, Enter saves, Esc cancels.</source>
        <translation>تحديثات أي المكونات تُرسَل إلى {email}؟ مفتاح المسافة يضع العلامة أو يزيلها، ومفتاح Enter يحفظ، ومفتاح Esc يلغي.</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="205" />
        <source>Components {email} gets updates about</source>
        <translation>المكونات التي تصل إلى {email} تحديثاتها</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="230" />
        <source>There are no components yet, so every update goes to them: add components with `statusdesk component add` to offer a choice.</source>
        <translation>لا مكونات بعد، لذا يصل إليه كل تحديث: أضف مكونات بالأمر `statusdesk component add` لإتاحة الاختيار.</translation>
    </message>
</context>
<context>
    <name>ConfirmRemoval</name>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="132" />
        <source>unsubscribe?</source>
        <translation>إلغاء الاشتراك؟</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="138" />
        <source>Unsubscribe {email}? They get no more email from statusdesk. The address is kept on record as unsubscribed, so an import does not sign them up again; adding it here subscribes them again.</source>
        <translation>أتلغي اشتراك {email}؟ لن تصله رسائل بريد من statusdesk بعد الآن. يبقى العنوان محفوظًا في السجل بوصفه ملغى الاشتراك، فلا يعيد الاستيراد تسجيله؛ أما إضافته هنا فتعيد اشتراكه.</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="151" />
        <source>&amp;Unsubscribe</source>
        <translation>أ&amp;لغِ الاشتراك</translation>
    </message>
</context>
<context>
    <name>LineList</name>
    <message>
        <location filename="../../subscribers/subscriber_forms.py" line="112" />
        <source>Lines of the imported file</source>
        <translation>أسطر الملف المستورد</translation>
    </message>
</context>
<context>
    <name>SubscriberModel</name>
    <message>
        <location filename="../../subscribers/subscribers_table.py" line="30" />
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_table.py" line="31" />
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_table.py" line="32" />
        <source>Subscribed since</source>
        <translation>مشترك منذ</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_table.py" line="33" />
        <source>Unsubscribed</source>
        <translation>ألغى الاشتراك</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_table.py" line="34" />
        <source>Components</source>
        <translation>المكونات</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_table.py" line="84" />
        <source>Gets updates about: {components} (F2 changes it)</source>
        <translation>تصله تحديثات: {components} (يغيّرها المفتاح F2)</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_table.py" line="93" />
        <source>{email} unsubscribed on {since}: sent nothing, kept on record so an import does not sign them up again</source>
        <translation>ألغى {email} اشتراكه في {since}: لا يُرسل إليه شيء، ويبقى في السجل كي لا يعيد الاستيراد تسجيله</translation>
    </message>
</context>
<context>
    <name>SubscriberRows</name>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="34" />
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="35" />
        <source>All components</source>
        <translation>كل المكونات</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="85" />
        <source>No subscribers yet: add one below, or import a CSV file.</source>
        <translation>لا مشتركين بعد: أضف مشتركًا أدناه، أو استورد ملف CSV.</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="89" />
        <source>{ar} ar, {en} en, {both} both</source>
        <translation>{ar} بالعربية، {en} بالإنجليزية، {both} باللغتين</translation>
    </message>
    <message numerus="yes">
        <location filename="../../subscribers/subscriber_rows.py" line="94" />
        <source>{count} active subscriber(s): {languages}</source>
        <translation><numerusform>المشتركون النشطون: {count} ({languages})</numerusform><numerusform>المشتركون النشطون: {count} ({languages})</numerusform><numerusform>المشتركون النشطون: {count} ({languages})</numerusform><numerusform>المشتركون النشطون: {count} ({languages})</numerusform><numerusform>المشتركون النشطون: {count} ({languages})</numerusform><numerusform>المشتركون النشطون: {count} ({languages})</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../subscribers/subscriber_rows.py" line="100" />
        <source>; {count} unsubscribed (kept on record, sent nothing)</source>
        <translation><numerusform>؛ ومن ألغوا اشتراكهم: {count} (محفوظون في السجل ولا يُرسل إليهم شيء)</numerusform><numerusform>؛ ومن ألغوا اشتراكهم: {count} (محفوظون في السجل ولا يُرسل إليهم شيء)</numerusform><numerusform>؛ ومن ألغوا اشتراكهم: {count} (محفوظون في السجل ولا يُرسل إليهم شيء)</numerusform><numerusform>؛ ومن ألغوا اشتراكهم: {count} (محفوظون في السجل ولا يُرسل إليهم شيء)</numerusform><numerusform>؛ ومن ألغوا اشتراكهم: {count} (محفوظون في السجل ولا يُرسل إليهم شيء)</numerusform><numerusform>؛ ومن ألغوا اشتراكهم: {count} (محفوظون في السجل ولا يُرسل إليهم شيء)</numerusform></translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="125" />
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="200" />
        <source>Subscribed {email} again ({language}); they had unsubscribed on {since}.</source>
        <translation>أُعيد اشتراك {email} ‏({language})؛ وكان قد ألغى اشتراكه في {since}.</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="205" />
        <source>Subscribed {email} ({language}).</source>
        <translation>اشترك {email} ‏({language}).</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="218" />
        <source>{email} had already unsubscribed on {since}; no change.</source>
        <translation>كان {email} قد ألغى اشتراكه في {since}؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="222" />
        <source>Unsubscribed {email}: no more email; kept on record as unsubscribed.</source>
        <translation>أُلغي اشتراك {email}: لن يصله بريد بعد الآن؛ ويبقى في السجل بوصفه ملغى الاشتراك.</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="234" />
        <source>{email} now gets updates about: {components}.</source>
        <translation>تصل إلى {email} الآن تحديثات: {components}.</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="245" />
        <source>{name}: {added} added, {skipped} skipped.</source>
        <translation>{name}: أُضيف {added}، وتُخطي {skipped}.</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscriber_rows.py" line="251" />
        <source>skipped line {line}: {reason}</source>
        <translation>تُخطي السطر {line}: {reason}</translation>
    </message>
</context>
<context>
    <name>SubscriberTable</name>
    <message>
        <location filename="../../subscribers/subscribers_table.py" line="131" />
        <source>Subscribers</source>
        <translation>المشتركون</translation>
    </message>
</context>
<context>
    <name>SubscribersDialog</name>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="454" />
        <source>line {line}: {reason}</source>
        <translation>السطر {line}: {reason}</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="73" />
        <source>subscribers</source>
        <translation>المشتركون</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="86" />
        <source>Reading the subscribers…</source>
        <translation>جارٍ قراءة المشتركين…</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="105" />
        <source>&amp;Filter by address:</source>
        <translation>&amp;تصفية حسب العنوان:</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="108" />
        <source>Filter subscribers by address</source>
        <translation>تصفية المشتركين حسب العنوان</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="109" />
        <source>type part of an address; ↓ goes to the list</source>
        <translation>اكتب جزءًا من عنوان؛ والسهم ↓ ينتقل إلى القائمة</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="126" />
        <source>&amp;Subscribers — active first:</source>
        <translation>ال&amp;مشتركون — النشطون أولًا:</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="138" />
        <source>Co&amp;mponents…</source>
        <translation>الم&amp;كونات…</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="141" />
        <source>Which components the selected address gets updates about (F2 in the list)</source>
        <translation>المكونات التي تصل تحديثاتها إلى العنوان المحدد (المفتاح F2 في القائمة)</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="144" />
        <source>&amp;Remove…</source>
        <translation>أ&amp;زل…</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="147" />
        <source>Unsubscribe the selected address (Delete in the list)</source>
        <translation>ألغِ اشتراك العنوان المحدد (المفتاح Delete في القائمة)</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="150" />
        <location filename="../../subscribers/subscribers_dialog.py" line="454" />
        <source>&amp;Import CSV…</source>
        <translation>ا&amp;ستورد ملف CSV…</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="154" />
        <source>email,language,components per line (header, language and components optional; components by name, comma-separated, quoted); UTF-8; all or nothing</source>
        <translation>في كل سطر email,language,components (سطر العناوين واللغة والمكونات اختيارية؛ المكونات بأسمائها، مفصولة بفواصل وبين علامتي اقتباس)؛ بترميز UTF-8؛ يُستورد الملف كله أو لا شيء منه</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="163" />
        <source>Importing subscribers</source>
        <translation>جارٍ استيراد المشتركين</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="261" />
        <source>Cannot read the subscribers: {error}</source>
        <translation>تعذّرت قراءة المشتركين: {error}</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="276" />
        <source>{shown} of {total} shown</source>
        <translation>يظهر {shown} من {total}</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="309" />
        <location filename="../../subscribers/subscribers_dialog.py" line="358" />
        <source>Choose a subscriber in the list first.</source>
        <translation>اختر مشتركًا من القائمة أولًا.</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="315" />
        <source>{email} had already unsubscribed on {since}; nothing to do.</source>
        <translation>كان {email} قد ألغى اشتراكه في {since}؛ لا شيء يُفعل.</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="339" />
        <source>Unsubscribing {email}…</source>
        <translation>جارٍ إلغاء اشتراك {email}…</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="349" />
        <source>{email} is still subscribed: {error}</source>
        <translation>ما زال {email} مشتركًا: {error}</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="364" />
        <source>{email} unsubscribed on {since}; they get no email to choose.</source>
        <translation>ألغى {email} اشتراكه في {since}؛ لا يصله بريد ليُختار له.</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="389" />
        <source>Saving the components of {email}…</source>
        <translation>جارٍ حفظ مكونات {email}…</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="399" />
        <source>{email} keeps what they had: {error}</source>
        <translation>يبقى لـ{email} ما كان له: {error}</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="412" />
        <source>statusdesk — import subscribers from a CSV file</source>
        <translation>statusdesk — استيراد المشتركين من ملف CSV</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="419" />
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV ‏(*.csv)</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="420" />
        <source>Text files (*.txt)</source>
        <translation>ملفات نصية (*.txt)</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="421" />
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="448" />
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="450" />
        <source>Importing {name}…</source>
        <translation>جارٍ استيراد {name}…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../subscribers/subscribers_dialog.py" line="470" />
        <source>{name}: {count} line(s) cannot be imported, so nothing was. Fix them and import the file again (addresses already subscribed are skipped).</source>
        <translation><numerusform>{name}: عدد الأسطر التي يتعذر استيرادها {count}، لذا لم يُستورد شيء. صحّحها واستورد الملف مرة أخرى (تُتخطى العناوين المشتركة من قبل).</numerusform><numerusform>{name}: عدد الأسطر التي يتعذر استيرادها {count}، لذا لم يُستورد شيء. صحّحها واستورد الملف مرة أخرى (تُتخطى العناوين المشتركة من قبل).</numerusform><numerusform>{name}: عدد الأسطر التي يتعذر استيرادها {count}، لذا لم يُستورد شيء. صحّحها واستورد الملف مرة أخرى (تُتخطى العناوين المشتركة من قبل).</numerusform><numerusform>{name}: عدد الأسطر التي يتعذر استيرادها {count}، لذا لم يُستورد شيء. صحّحها واستورد الملف مرة أخرى (تُتخطى العناوين المشتركة من قبل).</numerusform><numerusform>{name}: عدد الأسطر التي يتعذر استيرادها {count}، لذا لم يُستورد شيء. صحّحها واستورد الملف مرة أخرى (تُتخطى العناوين المشتركة من قبل).</numerusform><numerusform>{name}: عدد الأسطر التي يتعذر استيرادها {count}، لذا لم يُستورد شيء. صحّحها واستورد الملف مرة أخرى (تُتخطى العناوين المشتركة من قبل).</numerusform></translation>
    </message>
    <message>
        <location filename="../../subscribers/subscribers_dialog.py" line="484" />
        <source>Nothing was imported from {name}: {error}</source>
        <translation>لم يُستورد شيء من {name}: {error}</translation>
    </message>
</context>
</TS>
