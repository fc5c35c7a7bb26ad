namespace Hub.Site.Content.Articles;

public sealed class ArticlePage : ContentPage
{
    public const string SectionName = "articles";

    public override string Section => SectionName;

    public override string Layout => "article";
}
