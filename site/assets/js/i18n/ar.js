// Arabic UI strings (server messages arrive already translated).
const fmt = (n) => new Intl.NumberFormat('ar-SA').format(n);

export default {
  summaryTitle: 'يوجد خطأ في البيانات',
  errorPrefix: 'خطأ',
  required_category: 'اختر نوع الطلب',
  required_name: 'اكتب الاسم',
  required_mobile: 'اكتب رقم الجوال',
  invalid_mobile: 'اكتب رقم جوال سعودي صحيحًا، مثل 0501234567',
  required_email: 'اكتب بريدك الإلكتروني لأنك اخترت التواصل عبره',
  invalid_email: 'اكتب بريدًا إلكترونيًا صحيحًا، مثل name@example.org',
  invalid_national_id: 'رقم الهوية يتكون من ١٠ أرقام',
  required_city: 'اكتب المدينة أو المحافظة',
  required_description: 'اكتب تفاصيل طلبك',
  description_too_long: 'التفاصيل أطول من ٢٠٠٠ حرف، اختصرها قليلًا',
  required_preferred_contact: 'اختر طريقة التواصل المفضلة',
  required_consent: 'يلزم موافقتك على إشعار الخصوصية لإرسال الطلب',
  required_beneficiary_name: 'اكتب اسم المستفيد',
  required_relationship: 'اكتب صلتك بالمستفيد',
  required_reference: 'اكتب الرقم المرجعي',
  invalid_reference: 'الرقم المرجعي من ٨ خانات، مثل 7KQ3-M9PX',
  invalid_mobile_last4: 'اكتب آخر ٤ أرقام من الجوال المسجل في الطلب',
  sending: 'جارٍ الإرسال…',
  searching: 'جارٍ البحث…',
  network: 'تعذّر الاتصال الآن. لم يُفقد شيء مما كتبته. حاول مرة أخرى بعد لحظات؛ إعادة الإرسال لن تنشئ طلبًا مكررًا.',
  server: 'حدث خلل مؤقت لدينا. لم يُفقد شيء مما كتبته. حاول مرة أخرى بعد لحظات؛ إعادة الإرسال لن تنشئ طلبًا مكررًا.',
  lookupFailed: 'تعذّر الوصول إلى الخدمة الآن. حاول مرة أخرى بعد لحظات.',
  notFound: 'لم نجد طلبًا بهذا الرقم المرجعي وهذه الأرقام. تأكد منهما وحاول مرة أخرى.',
  tooMany: 'محاولات كثيرة. انتظر {m} ثم حاول مرة أخرى، أو اتصل بنا.',
  minutes: (n) => n <= 1 ? 'دقيقة واحدة' : n === 2 ? 'دقيقتين' : n <= 10 ? `${fmt(n)} دقائق` : `${fmt(n)} دقيقة`,
  copy: 'نسخ الرقم المرجعي',
  copied: 'تم نسخ الرقم المرجعي',
  copyFailed: 'تعذّر النسخ؛ حدّد الرقم وانسخه يدويًا',
  categories: { new_beneficiary: 'تسجيل مستفيد جديد', service: 'طلب خدمة', inquiry: 'استفسار', suggestion: 'اقتراح', complaint: 'شكوى' },
  contact: { sms: 'رسالة نصية', email: 'البريد الإلكتروني' },
  count: (n, over) => {
    const r = new Intl.PluralRules('ar').select(n);
    const f = fmt(n);
    if (over) return { zero: '', one: 'تجاوزت الحد بحرف واحد', two: 'تجاوزت الحد بحرفين', few: `تجاوزت الحد بـ ${f} أحرف`, many: `تجاوزت الحد بـ ${f} حرفًا`, other: `تجاوزت الحد بـ ${f} حرف` }[r];
    return { zero: 'لم يتبقَّ أي حرف', one: 'تبقّى حرف واحد', two: 'تبقّى حرفان', few: `تبقّى ${f} أحرف`, many: `تبقّى ${f} حرفًا`, other: `تبقّى ${f} حرف` }[r];
  },
  // Kiosk
  forMyself: 'لي أنا',
  required_for_whom: 'اختر لمن هذا الطلب',
  readAloud: 'اقرأ لي',
  stopReading: 'أوقف القراءة',
  noVoice: 'لا يتوفر على هذا الجهاز صوت عربي للقراءة. اطلب من موظف الاستقبال أن يقرأ لك، أو شغّل قارئ الشاشة.',
  selected: 'مختار',
  stepOf: (n, m) => `الخطوة ${fmt(n)} من ${fmt(m)}`,
  seconds: (n) => (n === 1 ? 'ثانية واحدة' : n === 2 ? 'ثانيتين' : n <= 10 ? `${fmt(n)} ثوانٍ` : `${fmt(n)} ثانية`),
  offline: 'انقطع الاتصال بالشبكة. طلبك باقٍ على الشاشة ولم يُفقد شيء، وسنرسله تلقائيًا حين يعود الاتصال؛ لن يتكرر الطلب.',
  offlineServer: 'لم يكتمل الإرسال بسبب خلل مؤقت لدينا. طلبك باقٍ على الشاشة، وسنعيد المحاولة تلقائيًا بعد لحظات؛ لن يتكرر الطلب.',
  retryNow: 'حاول الآن',
  idleSpoken: (n) => `هل ما زلت هنا؟ سنمسح إجاباتك خلال ${n}. المس الشاشة للمتابعة.`,
  referenceIs: 'رقمك المرجعي هو',
  qrLabel: 'رمز QR يفتح صفحة متابعة طلبك',
  // How an Arabic voice should say each character of a reference (Latin letters by their names).
  spell: {
    '-': 'شَرطة', 0: 'صفر', 1: 'واحد', 2: 'اثنان', 3: 'ثلاثة', 4: 'أربعة', 5: 'خمسة', 6: 'ستة', 7: 'سبعة', 8: 'ثمانية', 9: 'تسعة',
    A: 'إيه', B: 'بي', C: 'سي', D: 'دي', E: 'إي', F: 'إف', G: 'جي', H: 'إتش', I: 'آي', J: 'جيه', K: 'كيه', L: 'إل', M: 'إم',
    N: 'إن', O: 'أو', P: 'بي', Q: 'كيو', R: 'آر', S: 'إس', T: 'تي', U: 'يو', V: 'في', W: 'دبليو', X: 'إكس', Y: 'واي', Z: 'زد',
  },
};
