using System.Globalization;
using Hub.Core.Diagnostics;
using Hub.Formulas.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Hub.Formulas.Tests;

/// <summary>Every formula of the repository's own input/kpis: it checks, its worked examples hold, and the
/// generated JavaScript gives the C# numbers for the examples, the defaults and random inputs.</summary>
public sealed class InputKpiTests
{
    public sealed record Kpi(string File, string Formula, int FormulaLine, int FormulaColumn, IReadOnlyList<string> Inputs,
        IReadOnlyList<(Dictionary<string, double> Inputs, double Result, int Line)> Examples, Dictionary<string, double> Defaults)
    {
        public override string ToString() => File;
    }

    public static TheoryData<string> KpiFiles => new(Load().Select(k => k.File));

    [Theory]
    [MemberData(nameof(KpiFiles))]
    public void Formula_checks_and_examples_hold(string file)
    {
        var kpi = Load().Single(k => k.File == file);
        var bag = new DiagnosticBag();
        var source = new FormulaSource(Path.GetFileNameWithoutExtension(file), kpi.Formula, kpi.Inputs,
            offset => new SourceLocation(file, kpi.FormulaLine, kpi.FormulaColumn + offset));

        var formula = Shared.Checker.Check(source, bag);

        Assert.True(formula is not null, string.Join("\n", bag.Sorted()));
        foreach (var (inputs, result, line) in kpi.Examples)
        {
            FormulaExampleChecker.Check(formula, inputs, result, new SourceLocation(file, line, 5), bag);
        }
        Assert.DoesNotContain(bag.Sorted(), d => d.IsError);
    }

    [Fact]
    public void JavaScript_gives_the_CSharp_numbers_for_every_input_formula()
    {
        var kpis = Load();
        var formulas = kpis.Select(k => (Kpi: k, Formula: Shared.Checker.Check(
                new FormulaSource(Path.GetFileNameWithoutExtension(k.File) + "@" + k.File, k.Formula, k.Inputs, _ => new SourceLocation(k.File, 1, 1)),
                new DiagnosticBag())))
            .Where(p => p.Formula is not null)
            .ToList();
        using var jint = new JintRunner(FormulaScriptWriter.Write(formulas.Select(p => p.Formula!)));
        var random = new RandomFormulas(3);
        var mismatches = new List<string>();
        foreach (var (kpi, formula) in formulas)
        {
            var sets = kpi.Examples.Select(e => e.Inputs).ToList();
            if (kpi.Defaults.Count == kpi.Inputs.Count)
            {
                sets.Add(kpi.Defaults);
            }
            for (var i = 0; i < 50; i++)
            {
                sets.Add(kpi.Inputs.ToDictionary(n => n, _ => random.NextValue()));
            }
            foreach (var inputs in sets)
            {
                var expected = formula!.Evaluate(inputs);
                var actual = jint.Call(formula.Key, inputs);
                if (!Bits.Same(expected, actual))
                {
                    mismatches.Add($"{kpi.File} with {RandomFormulas.Format(inputs)}: C# {Bits.Show(expected)}, JS {Bits.Show(actual)}");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(10)));
    }

    private static List<Kpi> Load()
    {
        var directory = Path.Combine(RepositoryRoot(), "input", "kpis");
        if (!Directory.Exists(directory))
        {
            return [];
        }
        return Directory.GetFiles(directory, "*.md").Order(StringComparer.Ordinal).Select(Parse).OfType<Kpi>().ToList();
    }

    private static Kpi? Parse(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return null;
        }
        var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text[..end]));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        if (!root.Children.TryGetValue(new YamlScalarNode("formula"), out var formulaNode) || formulaNode is not YamlScalarNode formula)
        {
            return null;
        }
        var inputs = Sequence(root, "inputs").OfType<YamlMappingNode>().ToList();
        var names = inputs.Select(i => Scalar(i, "name") ?? "").ToList();
        var defaults = inputs.Where(i => Scalar(i, "default") is not null)
            .ToDictionary(i => Scalar(i, "name")!, i => double.Parse(Scalar(i, "default")!, CultureInfo.InvariantCulture));
        var examples = Sequence(root, "examples").OfType<YamlMappingNode>()
            .Select(e => (
                ((YamlMappingNode)e.Children[new YamlScalarNode("inputs")]).Children.ToDictionary(
                    p => ((YamlScalarNode)p.Key).Value!, p => double.Parse(((YamlScalarNode)p.Value).Value!, CultureInfo.InvariantCulture)),
                double.Parse(Scalar(e, "result")!, CultureInfo.InvariantCulture),
                (int)e.Start.Line))
            .ToList();
        var file = Path.GetRelativePath(RepositoryRoot(), path).Replace('\\', '/');
        return new Kpi(file, formula.Value!, (int)formula.Start.Line, (int)formula.Start.Column, names, examples, defaults);
    }

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode sequence ? sequence.Children : [];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } && text != "null" && text != "~" ? text : null;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hub.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Hub.sln not found above the test directory.");
    }
}
