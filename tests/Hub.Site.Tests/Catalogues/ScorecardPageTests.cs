using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Catalogues;

/// <summary>The interview form a scored catalogue's page carries (parsed with AngleSharp), and its absence elsewhere.</summary>
public sealed class ScorecardPageTests
{
    [Fact]
    public void AScoredCatalogueCarriesTheFormWithOneRadioGroupPerAttributeAndTheRubric()
    {
        using var site = new TestSite(ScorecardFixtures.Site());
        site.BuildOk();
        var doc = site.Html("/ja/catalogues/hiring/");
        var form = doc.QuerySelector("form.scorecard[data-catalogue='hiring']");
        Assert.NotNull(form);
        Assert.Equal("4", form.GetAttribute("data-points"));
        Assert.Equal(["judgement", "teamwork"], form.QuerySelectorAll("fieldset.scorecard-attribute").Select(f => f.GetAttribute("data-attribute")!));
        Assert.Equal(["1 強く懸念", "2 懸念あり", "3 良い", "4 非常に良い"],
            form.QuerySelectorAll("input[type=radio][name=judgement]").Select(i => i.ParentElement!.TextContent.Trim()));
        Assert.Equal(["1", "2", "3", "4", "none"], form.QuerySelectorAll("input[type=radio][name=recommendation]").Select(i => i.GetAttribute("value")!));
        // The hostile label is text, never markup.
        var teamwork = form.QuerySelector("fieldset[data-attribute=teamwork] legend")!;
        Assert.Equal("チーム<b>ワーク</b>", teamwork.TextContent);
        Assert.Empty(form.QuerySelectorAll("b"));
        // Each question: its attributes' rubric one tap away, and a labelled notes field.
        var q2 = form.QuerySelector(".scorecard-question[data-question=q-02]")!;
        Assert.Equal("teamwork judgement", q2.GetAttribute("data-attributes"));
        Assert.Equal(["他責", "依頼だけ", "合意して動く", "仕組みを作る", "理由がない", "理由が弱い", "比べて決める", "見直す条件も示す"],
            q2.QuerySelectorAll("details.scorecard-rubric dd").Select(d => d.TextContent));
        var note = q2.QuerySelector("textarea[name='note:q-02']")!;
        Assert.NotNull(form.QuerySelector($"label[for='{note.Id}']"));
        Assert.All(form.QuerySelectorAll("[id]"), e => Assert.StartsWith("catalogue-", e.Id, StringComparison.Ordinal));
        Assert.Contains(doc.QuerySelectorAll("script[data-module]"), s => s.Target("data-module")!.EndsWith("/assets/js/scorecard-page.js", StringComparison.Ordinal));

        // Its debrief page knows the attributes and loads its own script; a catalogue without a scorecard has none.
        Assert.Equal("/cs-hub/ja/catalogues/hiring/debrief/", doc.QuerySelector("a.scorecard-debrief-link")!.Target());
        var debrief = site.Html("/ja/catalogues/hiring/debrief/");
        Assert.Equal("評価の突き合わせ(デブリーフ): 採用面接", debrief.QuerySelector("h1")!.TextContent);
        Assert.Equal(["judgement", "teamwork"], debrief.QuerySelectorAll(".debrief-attributes [data-attribute]").Select(l => l.GetAttribute("data-attribute")!));
        Assert.NotNull(debrief.QuerySelector("label[for=debrief-files]"));
        Assert.Contains(debrief.QuerySelectorAll("script[data-module]"), s => s.Target("data-module")!.EndsWith("/assets/js/debrief-page.js", StringComparison.Ordinal));
        Assert.False(site.OutputExists("/ja/catalogues/plain/debrief/index.html"));

        var plain = site.Html("/ja/catalogues/plain/");
        Assert.Null(plain.QuerySelector("form.scorecard"));
        Assert.DoesNotContain(plain.QuerySelectorAll("script[data-module]"), s => s.Target("data-module")!.Contains("scorecard", StringComparison.Ordinal));
    }

    [Fact]
    public void ServeRebuildsAScoredCatalogueInFullSoItsDebriefPageFollows()
    {
        using var site = new TestSite(ScorecardFixtures.Site());
        var (_, session) = SiteBuilder.BuildSession(site.Options());
        var path = Path.Combine(site.Input, "catalogues", "hiring.yml");
        site.Write("catalogues/hiring.yml", ScorecardFixtures.Site()["catalogues/hiring.yml"].Replace("label: 状況判断", "label: 判断力", StringComparison.Ordinal));
        Assert.Null(session!.TryUpdate([path]));
        // A catalogue without a scorecard still takes serve's incremental path.
        site.Write("catalogues/plain.yml", ScorecardFixtures.Site()["catalogues/plain.yml"].Replace("一問目", "最初の質問", StringComparison.Ordinal));
        Assert.NotNull(session.TryUpdate([Path.Combine(site.Input, "catalogues", "plain.yml")]));
        site.BuildOk();
        Assert.Equal("判断力", site.Html("/ja/catalogues/hiring/debrief/").QuerySelector(".debrief-attributes [data-attribute=judgement]")!.TextContent);
    }
}
