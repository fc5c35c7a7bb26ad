using System.CommandLine;
using Hub.Site.Content;
using Hub.Site.Scaffolding;

namespace Hub.Cli.Commands;

/// <summary><c>hub new article|catalogue|kpi|term &lt;slug&gt; [--lang ja]</c>: writes a valid file to start from, for each registered content kind with a scaffold.</summary>
public static class NewCommand
{
    public static Command Create(CliConsole console)
    {
        var kinds = ContentKinds.Default;
        var names = Scaffolder.KindNames(kinds);
        var kind = new Argument<string>("kind") { Description = Scaffolder.Alternatives(names) };
        kind.AcceptOnlyFromAmong([.. names]);
        var slug = new Argument<string>("slug") { Description = "The file name and URL segment, e.g. onboarding-checklist" };
        var lang = new Option<string?>("--lang") { Description = "The page's language; the site's default language when omitted" };
        var command = new Command("new", "Create a new article, catalogue or KPI page") { kind, slug, lang, HubCommandLine.Input };
        command.SetAction(parse =>
        {
            var result = Scaffolder.Create(parse.GetValue(HubCommandLine.Input)!, parse.GetValue(kind)!, parse.GetValue(slug)!, parse.GetValue(lang), kinds);
            if (result.Error is not null)
            {
                console.Error.WriteLine($"hub: error: {result.Error}");
                return HubCommandLine.UsageErrors;
            }
            console.Out.WriteLine($"created {result.Path}");
            if (kinds.ByName(parse.GetValue(kind)!)?.ScaffoldNote is { } note)
            {
                console.Out.WriteLine(note);
            }
            return HubCommandLine.Ok;
        });
        return command;
    }
}
