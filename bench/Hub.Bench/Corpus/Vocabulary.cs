namespace Hub.Bench.Corpus;

/// <summary>Customer Success words the generated Japanese text is made of (no YAML or Markdown metacharacters).</summary>
public static class Vocabulary
{
    public static readonly string[] Nouns =
    [
        "顧客", "解約率", "オンボーディング", "ヘルススコア", "契約更新", "利用状況", "導入支援", "定例会議", "活用度", "問い合わせ",
        "満足度", "担当者", "成功体験", "拡大提案", "業務フロー", "ダッシュボード", "要望", "経営層", "現場", "製品チーム",
        "営業チーム", "予算", "優先順位", "指標", "施策", "課題", "目標", "成果", "仕組み", "運用ルール",
        "引き継ぎ", "研修", "ナレッジ", "手順書", "自動化", "セグメント", "接点", "解約理由", "更新率", "顧客単価",
        "アップセル", "クロスセル", "初回の成果", "利用ログ", "アンケート", "面談記録", "サポート窓口", "請求データ", "契約条件", "導入計画",
        "振り返り", "意思決定者", "推進者", "社内調整", "期待値", "成功の定義", "リスク", "兆候", "対応履歴", "プレイブック",
    ];

    public static readonly string[] Topics =
    [
        "リテンション", "オンボーディング", "ヘルススコア", "エクスパンション", "チャーン分析", "顧客の声", "QBR", "タッチモデル",
        "サポート連携", "採用と育成", "KPI設計", "更新交渉", "導入定着", "コミュニティ運営", "ナレッジ共有", "データ活用",
    ];

    public static readonly string[] Aspects =
    [
        "進め方", "設計のポイント", "よくある失敗", "チェックリスト", "始め方", "測り方", "改善手順", "考え方", "実践例", "振り返り方",
    ];

    /// <summary>Verbs as (te-form, polite, dictionary form).</summary>
    public static readonly (string Te, string Polite, string Plain)[] Verbs =
    [
        ("確認して", "確認します", "確認する"), ("見直して", "見直します", "見直す"), ("共有して", "共有します", "共有する"),
        ("記録して", "記録します", "記録する"), ("分析して", "分析します", "分析する"), ("整理して", "整理します", "整理する"),
        ("改善して", "改善します", "改善する"), ("設計して", "設計します", "設計する"), ("比較して", "比較します", "比較する"),
        ("測定して", "測定します", "測定する"), ("説明して", "説明します", "説明する"), ("提案して", "提案します", "提案する"),
    ];

    /// <summary>Adjectives as (plain, adverbial).</summary>
    public static readonly (string Plain, string Adverb)[] Adjectives =
    [
        ("低い", "低く"), ("高い", "高く"), ("遅い", "遅く"), ("多い", "多く"), ("少ない", "少なく"), ("大きい", "大きく"),
    ];

    public static readonly string[] Cadences = ["毎週", "毎月", "四半期ごと", "契約更新の前", "導入直後"];

    /// <summary>Tags most pages share (lists and tag pages grow with the corpus).</summary>
    public static readonly string[] Tags =
    [
        "リテンション", "オンボーディング", "ヘルススコア", "解約", "アップセル", "QBR", "サポート", "採用", "KPI", "データ",
        "プレイブック", "自動化", "セグメント", "コミュニティ", "ナレッジ", "面談", "更新", "期待値", "VoC", "育成",
        "retention", "onboarding", "expansion", "churn", "nps", "health-score", "playbook", "hiring", "kpi", "voc",
    ];

    public static readonly (string Id, string Label)[] Categories =
    [
        ("product", "製品と業界の知識"), ("problem-solving", "問題解決への姿勢"), ("relationships", "顧客との関係構築"),
        ("teamwork", "チームワーク"), ("situational", "状況判断"),
    ];

    public static readonly (string Id, string Label)[] Phases = [("first", "一次面接"), ("final", "最終面接")];
}
