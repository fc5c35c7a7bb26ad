using System.Globalization;
using Hub.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hub.Formulas.Binding;

/// <summary>
/// Binds a whitelisted formula with Roslyn inside <c>static double __Evaluate(double input1, ...) =&gt; formula;</c>
/// and reports Roslyn's diagnostics at their place in the KPI file. The parsed expression node itself is put into
/// the wrapper (no text is pasted), so a formula cannot close the method and add code of its own.
/// Nothing is emitted or run: binding only.
/// </summary>
internal sealed partial class RoslynFormulaCheck
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    /// <summary>
    /// The reference System.Runtime.dll of .NET (embedded by Hub.Formulas.csproj) is all a formula can bind against;
    /// its metadata is read once per process.
    /// </summary>
    private static readonly Lazy<MetadataReference> RuntimeReference = new(LoadRuntimeReference, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        checkOverflow: false,
        allowUnsafe: false,
        nullableContextOptions: NullableContextOptions.Disable,
        concurrentBuild: false);

    private static MetadataReference LoadRuntimeReference()
    {
        const string Name = "Hub.Formulas.System.Runtime.dll";
        using var stream = typeof(RoslynFormulaCheck).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"Hub.Formulas was built without its resource {Name}.");
        return MetadataReference.CreateFromStream(stream, filePath: "System.Runtime.dll");
    }

    private RoslynFormulaCheck(SemanticModel model, ExpressionSyntax expression, Dictionary<SyntaxNode, SyntaxNode> map)
    {
        Model = model;
        WrappedExpression = expression;
        WrapperNodeOf = map;
    }

    public SemanticModel Model { get; }

    /// <summary>The formula's expression inside the wrapper tree.</summary>
    public ExpressionSyntax WrappedExpression { get; }

    /// <summary>Each node of the standalone expression to the same node inside the wrapper.</summary>
    public IReadOnlyDictionary<SyntaxNode, SyntaxNode> WrapperNodeOf { get; }

    /// <summary>Builds the wrapper and binds it. Input names must already be valid identifiers.</summary>
    public static RoslynFormulaCheck Create(ExpressionSyntax expression, IReadOnlyList<string> inputNames)
    {
        var parameters = string.Join(", ", inputNames.Select(n => "double " + n));
        var text = $$"""
            using Math = global::System.Math;

            internal static class __HubFormula
            {
                internal static double __Evaluate({{parameters}}) =>
                    0;
            }
            """;
        var root = CSharpSyntaxTree.ParseText(text, ParseOptions).GetRoot();
        var placeholder = root.DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single().Expression;
        var wrapped = root.ReplaceNode(placeholder, expression);
        var tree = CSharpSyntaxTree.Create((CSharpSyntaxNode)wrapped, ParseOptions);
        var wrappedExpression = tree.GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single().Expression;
        var compilation = CSharpCompilation.Create("HubFormula", [tree], [RuntimeReference.Value], CompilationOptions);
        var map = expression.DescendantNodesAndSelf()
            .Zip(wrappedExpression.DescendantNodesAndSelf())
            .ToDictionary(p => (SyntaxNode)p.First, p => (SyntaxNode)p.Second);
        return new RoslynFormulaCheck(compilation.GetSemanticModel(tree), wrappedExpression, map);
    }

    /// <summary>Reports Roslyn's errors and warnings about the formula; returns the warnings (relative to the
    /// expression) so the cache can replay them. <paramref name="hasErrors"/> is true when binding failed.</summary>
    public IReadOnlyList<FormulaWarning> ReportDiagnostics(FormulaSource source, DiagnosticBag diagnostics, out bool hasErrors)
    {
        hasErrors = false;
        var warnings = new List<FormulaWarning>();
        var start = WrappedExpression.FullSpan.Start;
        var length = source.Expression.Length;
        foreach (var diagnostic in Model.GetDiagnostics().OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            if (diagnostic.Severity is not (DiagnosticSeverity.Error or DiagnosticSeverity.Warning))
            {
                continue;
            }
            var offset = Math.Clamp(diagnostic.Location.SourceSpan.Start - start, 0, length);
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            var hint = diagnostic.Id;
            if (diagnostic.Id == "CS0029" && diagnostic.Location.SourceSpan == WrappedExpression.Span)
            {
                message = "the formula's result is true or false, not a number";
                hint = "CS0029; choose a number with ?:, e.g. a > b ? 1 : 0";
            }
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                hasErrors = true;
                diagnostics.Error(DiagnosticCodes.FormulaTypeError, source.Locate(offset), message, hint);
            }
            else
            {
                warnings.Add(new FormulaWarning(offset, message, hint));
                diagnostics.Warning(DiagnosticCodes.FormulaCompilerWarning, source.Locate(offset), message, hint);
            }
        }
        return warnings;
    }
}

/// <summary>A compiler warning about a formula, at an offset inside the expression.</summary>
internal sealed record FormulaWarning(int Offset, string Message, string? Hint);
