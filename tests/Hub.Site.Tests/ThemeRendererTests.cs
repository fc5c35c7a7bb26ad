using Hub.Core.Diagnostics;
using Hub.Templates;
using Scriban.Runtime;
using Xunit;

namespace Hub.Site.Tests;

/// <summary>Limits of the template engine must never cut a page short without a word.</summary>
public sealed class ThemeRendererTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hub-theme-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_partial_longer_than_a_megabyte_is_rendered_whole()
    {
        // Scriban's default LimitToString (1 MiB) once turned a 10,000-page section list into an empty string.
        Directory.CreateDirectory(Path.Combine(_root, "layouts"));
        Directory.CreateDirectory(Path.Combine(_root, "partials"));
        File.WriteAllText(Path.Combine(_root, "layouts", "list.scriban-html"), "<main>{{ include 'items' }}</main>");
        File.WriteAllText(Path.Combine(_root, "partials", "items.scriban-html"),
            "{{ for i in 1..count }}<li>{{ text }} {{ i }}</li>{{ end }}");
        var diagnostics = new DiagnosticBag();
        var renderer = new ThemeRenderer(new ThemeFiles([_root]), diagnostics, p => p);
        var globals = new ScriptObject { ["count"] = 20_000, ["text"] = new string('顧', 100) };

        var html = renderer.Render("list", globals, diagnostics);

        Assert.Equal(0, diagnostics.Count);
        Assert.NotNull(html);
        Assert.Equal(20_000, html.Split("<li>").Length - 1);
        Assert.EndsWith("顧 20000</li></main>", html, StringComparison.Ordinal);
    }
}
