namespace Hub.Site.Tests.Infrastructure;

/// <summary>A small valid site in three languages with every content kind, used by many tests.</summary>
public static class Fixtures
{
    /// <summary>The basic site with some files added or replaced.</summary>
    public static Dictionary<string, string> BasicWith(params (string Path, string Text)[] files)
    {
        var all = Basic();
        foreach (var (path, text) in files)
        {
            all[path] = text;
        }
        return all;
    }

    public static Dictionary<string, string> Basic() => new()
    {
        ["articles/retention.md"] = """
            ---
            title: 継続率を上げる施策
            summary: 解約の根本原因から考える
            date: 2025-09-30
            tags: [retention, オンボーディング]
            ---

            ## 見出し

            本文です。[解約率](../kpis/churn-rate.md)と[質問](../catalogues/hiring.yml#q-02)、[英語版](retention.en.md)。

            ## 見出し

            同じ見出しが二回。[上へ](#見出し)、[絶対](/ja/kpis/churn-rate/)。

            ### Next Steps: 次の一手!

            | a | b |
            |---|---|
            | 1 | 2 |

            - [x] done
            - [ ] todo

            Term
            :   Definition

            MRR を見る。[^1]

            [^1]: 注記

            *[MRR]: Monthly Recurring Revenue

            > [!NOTE]
            > 注意

            :::kpi churn-rate
            :::

            :::questions hiring category=teamwork
            :::

            <script>alert(1)</script>
            """,
        ["articles/retention.en.md"] = """
            ---
            title: Raising retention
            summary: Start from root causes
            date: 2025-10-01
            tags: [retention]
            ---

            ## First steps

            Back to [the Japanese version](retention.md#見出し-1).
            """,
        ["articles/crm.ko.md"] = """
            ---
            title: CRM 기초
            ---

            ## 고객 여정

            본문.
            """,
        ["kpis/churn-rate.md"] = """
            ---
            title: 解約率
            abbr: Churn
            formula: churned / customersAtStart
            result: { format: percent, decimals: 1, better: lower }
            inputs:
              - { name: churned, label: 解約数, unit: count, min: 0, default: 12 }
              - { name: customersAtStart, label: 期首顧客数, unit: count, min: 1, default: 400 }
            cadence: monthly
            indicator: lagging
            examples:
              - { inputs: { churned: 12, customersAtStart: 400 }, result: 0.03 }
            ---

            ## 定義

            期首の顧客のうち解約した割合。
            """,
        ["catalogues/hiring.yml"] = """
            title: 採用面接の質問
            audience: interviewer
            summary: CSM 採用のための質問集
            facets:
              category:
                - { id: product, label: 製品 }
                - { id: teamwork, label: チームワーク }
            questions:
              - id: q-01
                text: 当社の製品を一分で説明してください。
                category: product
                intent: 準備の深さ
                lookFor: [顧客視点]
                kpis: [churn-rate]
              - id: q-02
                text: "<img src=x onerror=alert(1)>同僚と意見が対立したときは?"
                category: teamwork
                intent: 協調性
                lookFor: [具体例]
                redFlags: [他責]
                followUps: [その後どうなりましたか?]
            """,
    };
}
