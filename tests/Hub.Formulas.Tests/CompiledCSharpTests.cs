using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Hub.Core.Diagnostics;
using Hub.Formulas.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Hub.Formulas.Tests;

/// <summary>
/// Proves the evaluator is C#: random formulas are compiled by Roslyn into a real assembly (here, in the test
/// only; Hub itself never runs formula code) and their results compared bit for bit with
/// <see cref="CheckedFormula.Evaluate"/>. A C# exception counts as NaN, as Evaluate documents.
/// </summary>
public sealed class CompiledCSharpTests(ITestOutputHelper output)
{
    private const int FormulaCount = 400;

    [Fact]
    public void Evaluate_matches_compiled_CSharp_bit_for_bit()
    {
        var clock = Stopwatch.StartNew();
        var random = new RandomFormulas(seed: 7);
        var formulas = new List<CheckedFormula>();
        for (var i = 0; formulas.Count < FormulaCount; i++)
        {
            var formula = Shared.Checker.Check(TestSources.Source($"c{i}", random.Next(), RandomFormulas.Inputs), new DiagnosticBag());
            if (formula is not null)
            {
                formulas.Add(formula);
            }
        }
        var source = new StringBuilder("using System;\npublic static class Formulas\n{\n");
        for (var i = 0; i < formulas.Count; i++)
        {
            source.Append($"    public static double F{i}(double a, double b, double c) => {formulas[i].Expression};\n");
        }
        source.Append("}\n");
        var methods = Compile(source.ToString());
        var compileTime = clock.Elapsed;

        var mismatches = new List<string>();
        for (var i = 0; i < formulas.Count; i++)
        {
            var method = methods[i];
            for (var k = 0; k < 10; k++)
            {
                var inputs = random.NextInputs();
                double compiled;
                try
                {
                    compiled = (double)method.Invoke(null, [inputs["a"], inputs["b"], inputs["c"]])!;
                }
                catch (TargetInvocationException e) when (e.InnerException is ArithmeticException or ArgumentException)
                {
                    compiled = double.NaN;
                }
                var evaluated = formulas[i].Evaluate(inputs);
                if (!Bits.Same(compiled, evaluated))
                {
                    mismatches.Add($"{formulas[i].Expression} with {RandomFormulas.Format(inputs)}: compiled {Bits.Show(compiled)}, Evaluate {Bits.Show(evaluated)}");
                }
            }
        }
        output.WriteLine($"{formulas.Count} formulas compiled in {compileTime.TotalSeconds:F1} s, compared in {(clock.Elapsed - compileTime).TotalSeconds:F1} s");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(15)));
    }

    private static MethodInfo[] Compile(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Private.CoreLib.dll" or "System.Runtime.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "CompiledFormulas",
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        image.Position = 0;
        var context = new AssemblyLoadContext("compiled-formulas", isCollectible: true);
        var type = context.LoadFromStream(image).GetType("Formulas")!;
        return Enumerable.Range(0, type.GetMethods().Length).Select(i => type.GetMethod($"F{i}")).OfType<MethodInfo>().ToArray();
    }
}
