using Hub.Formulas.Tests.Support;

namespace Hub.Formulas.Tests;

public sealed class DisplayHtmlTests
{
    [Fact]
    public void Labels_are_HTML_escaped()
    {
        var formula = TestSources.Checked("a / b", "a", "b");

        var html = formula.ToDisplayHtml(name => name == "a" ? "<script>alert(\"x\")</script> & 'y'" : "売上 <b>");

        Assert.Equal(
            "<span class=\"hub-formula\"><span class=\"hub-frac\"><span class=\"hub-num\"><var data-input=\"a\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</var></span>" +
            "<span class=\"hub-bar\"> / </span><span class=\"hub-den\"><var data-input=\"b\">売上 &lt;b&gt;</var></span></span></span>",
            html);
    }

    [Fact]
    public void Every_input_occurrence_is_a_var_with_its_name()
    {
        var formula = TestSources.Checked("(a + b) / a", "a", "b");

        var html = formula.ToDisplayHtml(n => n);

        Assert.Equal(2, html.Split("<var data-input=\"a\">").Length - 1);
        Assert.Equal(1, html.Split("<var data-input=\"b\">").Length - 1);
    }

    [Fact]
    public void Comparison_symbols_are_escaped()
    {
        var html = TestSources.Checked("a < b && b > 1 ? 1 : 0", "a", "b").ToDisplayHtml(n => n);

        Assert.DoesNotContain("< ", html, StringComparison.Ordinal);
        Assert.Contains(" &lt; ", html, StringComparison.Ordinal);
        Assert.Contains(" &gt; ", html, StringComparison.Ordinal);
    }
}
