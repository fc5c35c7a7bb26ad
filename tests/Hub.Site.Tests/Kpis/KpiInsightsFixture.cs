namespace Hub.Site.Tests.Kpis;

/// <summary>A monthly GRR page with a conversion, an annual benchmark and three inputs: what the insight tests build.</summary>
internal static class KpiInsightsFixture
{
    public const string Grr = """
        ---
        title: GRR
        abbr: GRR
        formula: (startMrr - contractionMrr - churnedMrr) / startMrr
        result: { format: percent, decimals: 1, better: higher }
        inputs:
          - { name: startMrr, label: 期首のMRR, unit: currency, min: 1, default: 1000000 }
          - { name: contractionMrr, label: 縮小したMRR, unit: currency, min: 0, default: 20000 }
          - { name: churnedMrr, label: 解約したMRR, unit: currency, min: 0, default: 30000 }
        period: monthly
        compounding: retention
        examples:
          - { inputs: { startMrr: 1000000, contractionMrr: 20000, churnedMrr: 30000 }, result: 0.95 }
          - { inputs: { startMrr: 1000000, contractionMrr: 40000, churnedMrr: 60000 }, result: 0.9, period: annual }
        benchmarks:
          - segment: { ja: 中小企業 <SMB>, en: SMB }
            low: 0.85
            median: 0.9
            high: 0.95
            period: annual
            source: { title: 'Survey & "report"', url: 'https://example.com/report?a=1&b=2', year: 2023 }
            asOf: 2023-03
          - segment: 月次の目安
            median: 0.98
            source: { title: Monthly guide, url: 'https://example.com/monthly', year: 2024 }
        ---

        本文。
        """;

    public static Dictionary<string, string> Files() => new() { ["kpis/grr.md"] = Grr };
}
