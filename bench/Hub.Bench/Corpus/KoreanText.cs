namespace Hub.Bench.Corpus;

/// <summary>
/// Korean text in the same shapes as <see cref="JapaneseText"/>: Customer Success words with particles chosen by
/// whether the word ends in a final consonant (을/를, 이/가, 은/는, 와/과, 으로/로).
/// </summary>
public sealed class KoreanText(Prng random) : TextMaker(random)
{
    private static readonly string[] Nouns =
    [
        "고객", "해지율", "온보딩", "헬스 스코어", "계약 갱신", "이용 현황", "도입 지원", "정기 회의", "활용도", "문의",
        "만족도", "담당자", "성공 경험", "확장 제안", "업무 흐름", "대시보드", "요청 사항", "경영진", "현장", "제품팀",
        "영업팀", "예산", "우선순위", "지표", "시책", "과제", "목표", "성과", "체계", "운영 규칙",
        "인수인계", "교육", "지식 베이스", "매뉴얼", "자동화", "세그먼트", "접점", "해지 사유", "갱신율", "고객 단가",
        "업셀", "크로스셀", "첫 성과", "이용 로그", "설문", "면담 기록", "지원 창구", "청구 데이터", "계약 조건", "도입 계획",
        "회고", "의사결정자", "추진자", "내부 조율", "기대치", "성공의 정의", "리스크", "징후", "대응 이력", "플레이북",
    ];

    private static readonly string[] Topics =
    [
        "리텐션", "온보딩", "헬스 스코어", "확장", "해지 분석", "고객의 목소리", "QBR", "터치 모델",
        "지원 연계", "채용과 육성", "KPI 설계", "갱신 협상", "도입 정착", "커뮤니티 운영", "지식 공유", "데이터 활용",
    ];

    private static readonly string[] Aspects =
    [
        "진행 방법", "설계 포인트", "흔한 실수", "체크리스트", "시작하는 법", "측정 방법", "개선 절차", "사고방식", "실천 사례", "회고 방법",
    ];

    /// <summary>Verbs as (connective "…하고", polite "…합니다", attributive "…하는").</summary>
    private static readonly (string And, string Polite, string Attributive)[] Verbs =
    [
        ("확인하고", "확인합니다", "확인하는"), ("검토하고", "검토합니다", "검토하는"), ("공유하고", "공유합니다", "공유하는"),
        ("기록하고", "기록합니다", "기록하는"), ("분석하고", "분석합니다", "분석하는"), ("정리하고", "정리합니다", "정리하는"),
        ("개선하고", "개선합니다", "개선하는"), ("설계하고", "설계합니다", "설계하는"), ("비교하고", "비교합니다", "비교하는"),
        ("측정하고", "측정합니다", "측정하는"), ("설명하고", "설명합니다", "설명하는"), ("제안하고", "제안합니다", "제안하는"),
    ];

    /// <summary>Adjectives as (attributive "낮은", adverbial "낮게").</summary>
    private static readonly (string Attributive, string Adverb)[] Adjectives =
    [
        ("낮은", "낮게"), ("높은", "높게"), ("느린", "느리게"), ("많은", "많게"), ("적은", "적게"), ("큰", "크게"),
    ];

    private static readonly string[] Cadences = ["매주", "매월", "분기마다", "계약 갱신 전에", "도입 직후에"];

    public override string Noun() => Random.Pick(Nouns);

    public override string Cadence() => Random.Pick(Cadences);

    public override string Gap => " ";

    public override string ArticleTitle(int i) => $"{Random.Pick(Topics)}의 {Random.Pick(Aspects)}: {Random.Pick(Nouns)} 편 No.{i}";

    public override string SeeAlso(string link) => $"자세한 내용은 {link}도 참고하세요.";

    public override string RelatedKpi(string link) => $"관련 지표는 {link}입니다.";

    public override string TableHeader() => "| 항목 | 볼 포인트 | 빈도 |";

    public override string TableCell(string a, string b) => $"{a}의 {b}";

    public override string FollowSteps(string link) => $"{link}의 절차에 따라 진행한다";

    public override string InterviewTip(string link) => $"면접에서는 {link}의 질문도 도움이 됩니다.";

    public override string ReadNext(string link) => $"다음으로 {link}{Josa(link, "을", "를")} 읽어 보세요.";

    public override string Sentence()
    {
        var verb = Random.Pick(Verbs);
        var adjective = Random.Pick(Adjectives);
        var (a, b, c) = (Noun(), Noun(), Noun());
        return Random.Next(10) switch
        {
            0 => $"{a}{Josa(a, "을", "를")} {verb.And} {b}의 {c}{Josa(c, "을", "를")} {verb.Polite}.",
            1 => $"{a}{Josa(a, "이", "가")} 낮을 때는 먼저 {b}{Josa(b, "을", "를")} {verb.Attributive} 것부터 시작합니다.",
            2 => $"{a}{Josa(a, "과", "와")} {b}{Josa(b, "을", "를")} 함께 보면 {c}의 변화를 빨리 알아챌 수 있습니다.",
            3 => $"{a}의 {b}{Josa(b, "이", "가")} {adjective.Adverb} 되기 전에 {c}{Josa(c, "을", "를")} 미리 {verb.And} 두는 것이 중요합니다.",
            4 => $"실무에서는 {a}마다 {b}{Josa(b, "을", "를")} {verb.And} {c}에 반영하는 것이 일반적입니다.",
            5 => $"{a}{Josa(a, "은", "는")} {b}뿐만 아니라 {c}에도 영향을 줍니다.",
            6 => $"{Cadence()} 정기 회의에서 {a}{Josa(a, "을", "를")} {verb.And} {b} 담당자와 {c}에 대해 논의합니다.",
            7 => $"SaaS의 {a}에서는 {b}{Josa(b, "을", "를")} {verb.Attributive} 체계가 꼭 필요합니다.",
            8 => $"CSM은 {a}{Josa(a, "을", "를")} {verb.And} {b}의 {c}{Josa(c, "을", "를")} {verb.Polite}.",
            _ => $"{adjective.Attributive} {a}{Josa(a, "을", "를")} 다룰 때는 {b}{Josa(b, "과", "와")} {c}{Josa(c, "을", "를")} 모두 봅니다.",
        } + " ";
    }

    public override string Heading() => Random.Next(5) switch
    {
        0 => $"{And(Noun())} {Noun()}의 관계",
        1 => $"{Obj(Noun())} {Random.Pick(Verbs).Attributive} 절차",
        2 => $"흔한 {Noun()}의 실패",
        3 => $"{Noun()}의 {Noun()} 다시 보기",
        _ => $"{Noun()}에서 꼭 알아야 할 {Random.Pick(Aspects)}",
    };

    public override string ListItem() => Random.Next(3) switch
    {
        0 => $"{Obj(Noun())} {Random.Pick(Verbs).Attributive} 일",
        1 => $"{Noun()}의 {Obj(Noun())} {Cadence()} {Random.Pick(Verbs).Attributive} 일",
        _ => $"{And(Noun())} {Obj(Noun())} 맞추기",
    };

    public override string Question() => Random.Next(4) switch
    {
        0 => $"{Subj(Noun())} {Random.Pick(Adjectives).Attributive} 고객에게 어떻게 대응하시겠습니까?",
        1 => $"지금까지 {Obj(Noun())} {Random.Pick(Verbs).And} 성과를 낸 경험을 알려 주세요.",
        2 => $"{And(Noun())} {Subj(Noun())} 충돌할 때 어느 쪽을 우선하시겠습니까? 이유도 알려 주세요.",
        _ => $"{Noun()}의 {Obj(Noun())} 처음 듣는 사람에게 1분 안에 설명해 보세요.",
    };

    private static string Obj(string noun) => noun + Josa(noun, "을", "를");

    private static string Subj(string noun) => noun + Josa(noun, "이", "가");

    private static string And(string noun) => noun + Josa(noun, "과", "와");

    /// <summary>The particle after <paramref name="word"/>: <paramref name="afterConsonant"/> when its last syllable ends in a consonant.</summary>
    public static string Josa(string word, string afterConsonant, string afterVowel)
    {
        var last = word.TrimEnd(']', ')', ' ')[^1];
        if (last is >= '\uac00' and <= '\ud7a3')
        {
            return (last - 0xac00) % 28 != 0 ? afterConsonant : afterVowel;
        }
        // Latin letters and digits: read as they sound in Korean, most end in a vowel.
        return afterVowel;
    }
}
