using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Catalogues;

/// <summary>
/// A site with a Japanese catalogue of two facets (one question with hostile text), its English translation and an
/// article that embeds a subset; and a catalogue whose role facet has an all-value, with an article embedding it by role:
/// counts are small enough to check by hand.
/// </summary>
public static class CatalogueFixtures
{
    public const string Hostile = "<img src=x onerror=alert(1)>";

    public static Dictionary<string, string> Site() => new()
    {
        ["kpis/churn-rate.md"] = Fixtures.Basic()["kpis/churn-rate.md"],
        ["catalogues/interview.yml"] = """
            title: 面接の質問 <b>集</b>
            audience: interviewer
            summary: 面接官のための質問 & "引用"
            facets:
              category:
                - { id: risk, label: リスク }
                - { id: teamwork, label: チーム<ワーク> }
                - { id: product, label: 製品 }
              phase:
                - { id: first, label: 一次面接 }
                - { id: final, label: 最終面接 }
            questions:
              - id: q-01
                text: 解約の兆候にどう気づきますか。
                category: risk
                phase: [first, final]
                intent: 解約リスクへの感度
                lookFor: [ヘルススコアを使う]
                kpis: [churn-rate]
                tags: [churn]
              - id: q-02
                text: "<img src=x onerror=alert(1)>同僚と意見が対立したときは?"
                category: teamwork
                phase: first
                intent: "</script><script>alert(2)</script>"
                lookFor: ["\"quoted\", with comma", "- starts like a list"]
                redFlags: ["=HYPERLINK(\"http://evil\")"]
                followUps: ["*bold* [link](javascript:alert(3))"]
              - id: q-03
                text: ＫＰＩをどう設計しますか。
                category: [product, risk]
                phase: final
                intent: 指標設計の力
                tags: [metrics]
              - id: q-04
                text: 최근에 읽은 책은 무엇인가요?
                category: teamwork
                phase: final
              - id: q-05
                text: 分類のない質問
            """,
        ["catalogues/interview.en.yml"] = """
            title: Interview questions
            translationKey: interview
            audience: interviewer
            facets:
              category:
                - { id: risk, label: Risk }
            questions:
              - id: q-01
                text: How do you notice churn risk?
                category: risk
            """,
        // 'any' is declared all: true, so r-03 and r-04 pass every role filter; r-04 also shows an ordinary role.
        ["catalogues/roles.yml"] = """
            title: 逆質問
            audience: candidate
            facets:
              role:
                - { id: is, label: IS }
                - { id: cs, label: CS, all: false }
                - { id: any, label: 全職種共通, all: true }
              phase:
                - { id: first, label: 一次 }
                - { id: final, label: 最終 }
            questions:
              - id: r-01
                text: ISの質問
                role: is
                phase: first
              - id: r-02
                text: CSの質問
                role: cs
                phase: final
              - id: r-03
                text: 共通の質問
                role: any
                phase: final
              - id: r-04
                text: 共通でISにも
                role: [is, any]
                phase: first
            """,
        ["articles/roles-embed.md"] = """
            ---
            title: 職種で絞った埋め込み
            ---

            :::questions roles role=cs
            :::

            :::questions roles role=any
            :::

            :::questions roles role=cs phase=final
            :::
            """,
        ["articles/embed.md"] = """
            ---
            title: 埋め込み
            ---

            リスクの質問:

            :::questions interview category=risk
            :::
            """,
    };
}
