namespace Hub.Site.Output;

/// <summary>
/// The Content-Security-Policy of every page: each page carries it in a <c>&lt;meta http-equiv&gt;</c> (GitHub Pages
/// sends no such header) and <c>hub serve</c> sends the same as a header, so the preview enforces what is published.
/// Scripts, styles and everything else come from the site itself; no inline script or style attribute, no eval, no
/// plugins; forms submit to the site only. (<c>frame-ancestors</c> would be ignored in a meta tag, so it is left out.)
/// </summary>
public static class ContentSecurityPolicy
{
    public const string Policy = "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";
}
