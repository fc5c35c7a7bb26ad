using Hub.Search;

namespace Hub.Search.Tests;

/// <summary>A small hand-written site: the golden files and the engine tests use it.</summary>
internal static class SampleDocuments
{
    public static IReadOnlyList<SearchDocument> All { get; } =
    [
        new("question", "ja", "/cs-hub/ja/catalogues/csm-hiring/#q-01", "当社の製品で解約率を下げるには何から始めますか？", "カスタマーサクセスマネージャー採用 面接質問30",
            "解約の根本原因を探る姿勢を見る", "強い回答: オンボーディングの改善から始める。懸念: 値引きだけで解決しようとする。", [], ["churn", "解約率"]),
        new("question", "ja", "/cs-hub/ja/catalogues/csm-hiring/#q-07", "チームで意見が割れたとき、どう合意を作りましたか？", "カスタマーサクセスマネージャー採用 面接質問30",
            "チームワーク", "具体的な場面。東京都の顧客と京都の顧客の事例。", [], ["teamwork"]),
        new("kpi", "ja", "/cs-hub/ja/kpis/churn-rate/", "解約率(カスタマーチャーン)", "KPI",
            "期間中に解約した顧客の割合。", "解約率 = 期間中の解約顧客数 ÷ 期首の顧客数。京都の支社と東京の本社で集計する。", ["定義", "計算式"], ["Churn", "retention"]),
        new("article", "ja", "/cs-hub/ja/articles/retention/", "継続率を上げる5つの施策", "記事",
            "解約の根本原因から考える継続率改善。", "## 施策1\nｵﾝﾎﾞｰﾃﾞｨﾝｸﾞを見直す。全文検索で見つかる本文だけの語: 顧客健全度スコア。<script>alert(1)</script> & \"引用\"", ["施策1", "まとめ"], ["retention", "onboarding"]),
        new("article", "ja", "/cs-hub/ja/articles/onboarding-basics/", "顧客オンボーディングの基本", "記事",
            "最初の90日で何をするか。", "キックオフ、初期設定、定着の確認。", ["キックオフ"], []),
        new("article", "ko", "/cs-hub/ko/articles/retention/", "유지율을 높이는 다섯 가지 방법", "기사",
            "해지의 근본 원인부터 생각한다.", "고객 해지율을 낮추려면 온보딩을 개선한다.", ["방법 1"], ["retention"]),
        new("question", "ko", "/cs-hub/ko/catalogues/csm-hiring/#q-01", "해지율을 낮추기 위해 무엇부터 시작합니까?", "CSM 채용 면접 질문",
            "근본 원인을 찾는 자세", "", [], []),
        new("article", "en", "/cs-hub/en/articles/offboarding/", "Offboarding Customers Gracefully", "Articles",
            "What to do when a customer leaves.", "Exit interviews reveal Churn drivers. Café-style QBRs don't help.", ["Exit interviews"], ["churn"]),
        new("kpi", "en", "/cs-hub/en/kpis/nrr/", "Net Revenue Retention", "KPI",
            "Revenue kept and expanded from existing customers.", "NRR = (start MRR + expansion - contraction - churn) / start MRR", [], ["NRR"]),
    ];
}
