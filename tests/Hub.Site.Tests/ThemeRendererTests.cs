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

    [Theory]
    [InlineData("{{ string.upcase = 1 }}")]
    [InlineData("{{ html.foo = 1 }}")]
    [InlineData("{{ date.format = '%Y' }}")]
    public void Scriban_builtins_are_shared_and_read_only(string statement)
    {
        // Pages render in parallel with one set of builtins: a template changing them would make the output
        // depend on the order pages render in, so that is an error at the template instead.
        Directory.CreateDirectory(Path.Combine(_root, "layouts"));
        File.WriteAllText(Path.Combine(_root, "layouts", "page.scriban-html"), "a\n" + statement);
        File.WriteAllText(Path.Combine(_root, "layouts", "other.scriban-html"), "{{ 'x' | string.upcase }}{{ html.escape '<' }}{{ date.format }}");
        var diagnostics = new DiagnosticBag();
        var renderer = new ThemeRenderer(new ThemeFiles([_root]), diagnostics, p => Path.GetFileName(p));

        Assert.Null(renderer.Render("page", new ScriptObject(), diagnostics));
        var error = Assert.Single(diagnostics.Sorted());
        Assert.StartsWith("page.scriban-html(2,", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("X&lt;%d %b %Y", renderer.Render("other", new ScriptObject(), diagnostics));
    }

    [Fact]
    public void Include_cached_renders_a_partial_once_per_key()
    {
        Directory.CreateDirectory(Path.Combine(_root, "layouts"));
        Directory.CreateDirectory(Path.Combine(_root, "partials"));
        File.WriteAllText(Path.Combine(_root, "layouts", "page.scriban-html"), "{{ include_cached 'box' lang }}|{{ include 'box' }}");
        File.WriteAllText(Path.Combine(_root, "partials", "box.scriban-html"), "<b>{{ lang }}-{{ n }}</b>");
        var diagnostics = new DiagnosticBag();
        var renderer = new ThemeRenderer(new ThemeFiles([_root]), diagnostics, p => p);

        Assert.Equal("<b>ja-1</b>|<b>ja-1</b>", renderer.Render("page", new ScriptObject { ["lang"] = "ja", ["n"] = 1 }, diagnostics));
        Assert.Equal("<b>ja-1</b>|<b>ja-2</b>", renderer.Render("page", new ScriptObject { ["lang"] = "ja", ["n"] = 2 }, diagnostics));
        Assert.Equal("<b>ko-3</b>|<b>ko-3</b>", renderer.Render("page", new ScriptObject { ["lang"] = "ko", ["n"] = 3 }, diagnostics));
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void What_a_cached_partial_assigns_stays_inside_it()
    {
        // Otherwise the page that happens to render the partial first (pages render in parallel) would see the
        // variable and the others would not.
        Directory.CreateDirectory(Path.Combine(_root, "layouts"));
        Directory.CreateDirectory(Path.Combine(_root, "partials"));
        File.WriteAllText(Path.Combine(_root, "layouts", "page.scriban-html"), "{{ include_cached 'box' 'k' }}[{{ leaked }}]");
        File.WriteAllText(Path.Combine(_root, "partials", "box.scriban-html"), "{{ leaked = 'yes' }}<b>{{ leaked }}</b>");
        var diagnostics = new DiagnosticBag();
        var renderer = new ThemeRenderer(new ThemeFiles([_root]), diagnostics, p => p);

        Assert.Equal("<b>yes</b>[]", renderer.Render("page", new ScriptObject(), diagnostics));
        Assert.Equal("<b>yes</b>[]", renderer.Render("page", new ScriptObject(), diagnostics));
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void A_layout_and_its_wrapper_render_in_one_context()
    {
        Directory.CreateDirectory(Path.Combine(_root, "layouts"));
        File.WriteAllText(Path.Combine(_root, "layouts", "page.scriban-html"), "{{ title = 'T' }}<p>{{ body }}</p>");
        File.WriteAllText(Path.Combine(_root, "layouts", "baseof.scriban-html"), "<title>{{ title }}</title><main>{{ main }}</main>");
        var diagnostics = new DiagnosticBag();
        var renderer = new ThemeRenderer(new ThemeFiles([_root]), diagnostics, p => p);

        var html = renderer.RenderWrapped("page", "baseof", new ScriptObject { ["body"] = "b" }, diagnostics);

        Assert.Equal("<title>T</title><main><p>b</p></main>", html);
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void A_render_sees_nothing_of_the_renders_before_it()
    {
        // Template contexts are reused from render to render: what one page's templates assigned, at any scope, and
        // a render that failed half-way must not reach the next page.
        Directory.CreateDirectory(Path.Combine(_root, "layouts"));
        Directory.CreateDirectory(Path.Combine(_root, "partials"));
        File.WriteAllText(Path.Combine(_root, "layouts", "page.scriban-html"),
            "[{{ seen }}|{{ $local }}|{{ item }}]{{ seen = n }}{{ $local = n }}{{ for item in [n] }}{{ include 'deep' }}{{ end }}");
        File.WriteAllText(Path.Combine(_root, "partials", "deep.scriban-html"), "{{ if fail }}{{ string.upcase 1 2 3 }}{{ end }}<{{ item }}>");
        File.WriteAllText(Path.Combine(_root, "layouts", "baseof.scriban-html"), "{{ main }}({{ seen }})");
        var diagnostics = new DiagnosticBag();
        var renderer = new ThemeRenderer(new ThemeFiles([_root]), diagnostics, p => Path.GetFileName(p));

        Assert.Equal("[||]<1>(1)", renderer.RenderWrapped("page", "baseof", new ScriptObject { ["n"] = 1 }, diagnostics));
        Assert.Null(renderer.RenderWrapped("page", "baseof", new ScriptObject { ["n"] = 2, ["fail"] = true }, diagnostics));
        Assert.Equal("[||]<3>(3)", renderer.RenderWrapped("page", "baseof", new ScriptObject { ["n"] = 3 }, diagnostics));
        Assert.Equal("[||]<4>", renderer.Render("page", new ScriptObject { ["n"] = 4 }, diagnostics));
        Assert.StartsWith("deep.scriban-html(1,", Assert.Single(diagnostics.Sorted()).ToString(), StringComparison.Ordinal);
    }
}
