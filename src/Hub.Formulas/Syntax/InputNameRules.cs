using Hub.Core.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;

namespace Hub.Formulas.Syntax;

/// <summary>Input names become C# parameters and JavaScript property names: each must be a C# identifier that
/// is not a keyword, not "Math" (which would hide the functions), and declared once.</summary>
internal static class InputNameRules
{
    public static bool Validate(FormulaSource source, DiagnosticBag diagnostics)
    {
        var ok = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in source.InputNames)
        {
            var problem = name switch
            {
                null or "" => "an input has no name",
                _ when !SyntaxFacts.IsValidIdentifier(name) => $"input name '{name}' is not a C# identifier",
                _ when SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None => $"input name '{name}' is a C# keyword",
                _ when name.StartsWith("__", StringComparison.Ordinal) => $"input name '{name}' starts with '__', which Hub reserves",
                "Math" => "input name 'Math' would hide Math.Min, Math.Max, ...",
                _ when !seen.Add(name) => $"input '{name}' is declared twice",
                _ => null,
            };
            if (problem is not null)
            {
                ok = false;
                diagnostics.Error(DiagnosticCodes.InvalidInputName, source.Locate(0), problem,
                    "use letters, digits and '_', starting with a letter, e.g. customersAtStart");
            }
        }
        return ok;
    }
}
