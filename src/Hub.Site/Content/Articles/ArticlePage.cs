namespace Hub.Site.Content.Articles;

/// <summary>A Markdown article: front matter and body, nothing of its own.</summary>
public sealed class ArticlePage : ContentPage;
