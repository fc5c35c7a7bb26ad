namespace Hub.Site.Tests.Catalogues;

/// <summary>A Japanese catalogue with a 4-point scorecard of two attributes (one with a hostile label), and one without.</summary>
public static class ScorecardFixtures
{
    public const string Hostile = "<img src=x onerror=alert(1)>";

    public static Dictionary<string, string> Site() => new()
    {
        ["catalogues/hiring.yml"] = """
            title: 採用面接
            audience: interviewer
            facets:
              category:
                - { id: cases, label: ケース }
                - { id: team, label: チーム }
            scorecard:
              attributes:
                - id: judgement
                  label: 状況判断
                  description: 優先順位を決めて理由を説明できるか。
                  rubric: [理由がない, 理由が弱い, 比べて決める, 見直す条件も示す]
                - id: teamwork
                  label: "チーム<b>ワーク</b>"
                  rubric: [他責, 依頼だけ, 合意して動く, 仕組みを作る]
            questions:
              - id: q-01
                text: 更新まで90日の顧客で何をしますか。
                category: cases
                attributes: [judgement]
              - id: q-02
                text: 他部署と協力した経験は?
                category: team
                attributes: [teamwork, judgement]
              - id: q-03
                text: 最近学んだことは?
                category: team
                attributes: teamwork
            """,
        ["catalogues/plain.yml"] = """
            title: 質問
            questions:
              - id: q-01
                text: 一問目
            """,
    };
}
