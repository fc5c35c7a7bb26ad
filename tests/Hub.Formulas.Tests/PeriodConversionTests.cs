using Hub.Core.Diagnostics;
using Hub.Formulas.Periods;
using Hub.Formulas.Tests.Support;

namespace Hub.Formulas.Tests;

/// <summary>Period conversions are formulas like any KPI's: checked by Roslyn, evaluated in C#, emitted as JavaScript;
/// the two must agree bit for bit, and the C# side must give the figures the domain states.</summary>
public sealed class PeriodConversionTests
{
    public static TheoryData<string, string, string> Conversions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var compounding in PeriodConversion.Compoundings)
        {
            foreach (var from in PeriodConversion.Periods)
            {
                foreach (var to in PeriodConversion.Periods.Where(p => p != from))
                {
                    data.Add(compounding, from, to);
                }
            }
        }
        return data;
    }

    private static CheckedFormula Check(string compounding, string from, string to)
    {
        var bag = new DiagnosticBag();
        var formula = Shared.Checker.Check(PeriodConversion.Source(compounding, from, to, new SourceLocation("input/kpis/test.md", 5, 10)), bag);
        Assert.Empty(bag.Sorted());
        return Assert.IsType<CheckedFormula>(formula);
    }

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Every_conversion_computes_the_same_bits_in_CSharp_and_JavaScript(string compounding, string from, string to)
    {
        var conversion = Check(compounding, from, to);
        using var jint = new JintRunner(FormulaScriptWriter.Write([conversion]));
        var random = new RandomFormulas(7);
        var values = random.EdgeValueList
            .Concat([0.0, 0.03, 0.05, 0.9, 0.95, 0.97, 0.99, 1.0, 1.02, 1.1, 1.27, -0.01, 2.5, 1200000])
            .Concat(Enumerable.Range(0, 200).Select(_ => random.NextValue()));
        var mismatches = new List<string>();
        foreach (var x in values)
        {
            var inputs = new Dictionary<string, double> { [PeriodConversion.Input] = x };
            var expected = conversion.Evaluate(inputs);
            var actual = jint.Call(conversion.Key, inputs);
            if (!Bits.Same(expected, actual))
            {
                mismatches.Add($"x={Bits.Show(x)}: C# {Bits.Show(expected)}, JS {Bits.Show(actual)}");
            }
        }
        Assert.True(mismatches.Count == 0, $"{conversion.Expression}\n{string.Join("\n", mismatches.Take(10))}");
    }

    [Theory]
    [InlineData("retention", "monthly", "annual", 0.95, 0.5404, 4)]   // a monthly GRR of 95 % is about 54 % a year
    [InlineData("retention", "monthly", "annual", 1.02, 1.2682, 4)]   // a monthly NRR of 102 % about 127 % a year
    [InlineData("retention", "monthly", "annual", 0.97, 0.6938, 4)]   // 97 % a month keeps about 69 % a year
    [InlineData("churn", "monthly", "annual", 0.03, 0.3062, 4)]       // so 3 % monthly churn loses about 31 %, not 36 %
    [InlineData("churn", "annual", "monthly", 0.3062, 0.03, 4)]
    [InlineData("retention", "monthly", "quarterly", 0.99, 0.970299, 6)]
    [InlineData("sum", "monthly", "annual", 1000000, 12000000, 6)]    // MRR to ARR
    [InlineData("sum", "annual", "quarterly", 12000000, 3000000, 6)]
    [InlineData("sum", "quarterly", "monthly", 300, 100, 9)]
    public void Conversions_give_the_known_figures(string compounding, string from, string to, double value, double expected, int digits)
    {
        Assert.Equal(expected, PeriodConversion.Apply(Check(compounding, from, to), value), digits);
    }

    [Fact]
    public void A_round_trip_returns_the_value()
    {
        foreach (var compounding in PeriodConversion.Compoundings)
        {
            var there = Check(compounding, "monthly", "annual");
            var back = Check(compounding, "annual", "monthly");
            // A churn near 100 % a year loses its digits on the way back: start from a realistic churn.
            var value = compounding == "churn" ? 0.03 : 0.97;
            Assert.Equal(value, PeriodConversion.Apply(back, PeriodConversion.Apply(there, value)), 12);
        }
    }
}
