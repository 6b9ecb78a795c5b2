/**
 * Function words of the ten Codecard languages that write words apart (Chinese, and the
 * particles of Korean, are handled as characters below). One merged set: an answer may quote a
 * passage in another language, and a word that is a function word in one of these languages
 * carries no claim of its own in the others either. Stored lower-case and NFKC-normalized;
 * support.ts applies its Arabic normalization to them on load.
 */
export const stopWords: readonly string[] = [
  // English
  ...'a an the and or but nor if then than so as at by for from in into of off on onto out over to up with within without about above after before below between through during under until upon via per is are was were be been being am do does did done have has had having will would shall should can could may might must it its this that these those there here which who whom whose what when where why how not no yes also only just very more most less least such other another any some each both all same own too again further once he she they them their his her we us our you your i me my mine one ones both either neither whether while because although though however therefore thus hence e g ie eg etc vs'.split(
    ' ',
  ),
  // Spanish
  ...'el la los las lo un una unos unas y e o u ni pero sino de del al a en con sin por para sobre entre hasta desde según que qué quien quién cual cuál cuando cuándo donde dónde como cómo es son era eran fue fueron ser sido está están estar estaba ha han haber había se su sus le les me te nos os mi mis tu tus este esta estos estas ese esa esos esas aquel aquella no sí también solo sólo muy más menos ya si cada todo toda todos todas otro otra otros otras mismo misma puede pueden debe deben'.split(
    ' ',
  ),
  // French
  ...'le la les l un une des du de d et ou mais ni car donc or à au aux en dans par pour sur sous avec sans entre chez vers que qu qui quoi dont où comme quand si est sont était étaient été être a ont avait avoir se sa son ses leur leurs ce cet cette ces il elle ils elles on nous vous je tu ne pas plus moins très aussi seulement tout toute tous toutes autre autres même peut peuvent doit doivent'.split(
    ' ',
  ),
  // German
  ...'der die das den dem des ein eine einer eines einem einen und oder aber sondern denn doch in im an am auf aus bei mit nach von vom zu zum zur für über unter vor hinter neben zwischen durch gegen ohne um als wie wenn ob dass daß ist sind war waren sein wird werden wurde wurden hat haben hatte es er sie wir ihr ich du sich nicht kein keine keinen auch nur sehr mehr weniger noch schon jede jeder jedes alle allen kann können muss müssen darf dürfen soll sollen'.split(
    ' ',
  ),
  // Russian
  ...'и в во не на с со что как а но или ли по к ко у о об от из за для до при без над под про через это этот эта эти то та те тот он она оно они мы вы я ты его её ее их им ему ей быть был была были будет будут есть является являются который которая которое которые также только очень более менее уже ещё еще все всё весь каждый может могут должен должна должны'.split(
    ' ',
  ),
  // Vietnamese (syllables)
  ...'và của là các những được có cho với trong này đó một không khi để thì đã sẽ bị từ theo như về hoặc nếu mà thể cũng rất nhiều ít hơn nhất ra vào lên xuống tại do vì nên này kia ấy nó họ chúng tôi bạn ta'.split(
    ' ',
  ),
  // Tagalog
  ...'ang ng sa na at ay mga si ni kay para kung ito iyon iyan hindi may mayroon o ba din rin lang lamang pa man ko mo niya namin natin ninyo nila kanila kaniya ka siya sila kami tayo kayo upang dahil pero ngunit'.split(
    ' ',
  ),
  // Arabic
  ...'في من إلى الى على عن مع و أو او ثم أن ان إن لا لم لن ما هل هذا هذه ذلك تلك هو هي هم هن نحن أنت انت كان كانت يكون تكون قد كل بعض أي اي التي الذي الذين عند بين حتى إذا اذا كما لكن غير أيضا ايضا فقط يجب يمكن'.split(
    ' ',
  ),
];

/** Han, kana and Hangul characters that carry no claim of their own (particles, copulas). */
export const stopCharacters: ReadonlySet<string> = new Set(
  [
    // Chinese
    '的了是在和与及或也都就而其这那个一不有为以于对中上下之等被把由可能会应该所从到并且即',
    // Japanese
    'のはがをにでともへやかなだすしてたれる',
    // Korean particles and endings
    '은는이가을를에의와과도로으하다니습며고서면요',
  ].join(''),
);
