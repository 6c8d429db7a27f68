using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CancelGen.Generators.Tests.Support;

/// <summary>Reads the driver's step tracking: which steps ran, why, and what their outputs hold.</summary>
internal static class StepAssertions
{
    /// <summary>Every name in <see cref="TrackingNames"/>.</summary>
    public static readonly string[] AllTrackingNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(static f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The steps that carry the generator's own models (the syntax-tree legs only serve reporting).</summary>
    public static readonly string[] ModelTrackingNames = [TrackingNames.Parse, TrackingNames.Models, TrackingNames.Types, TrackingNames.Diagnostics];

    public static IEnumerable<(string Step, IncrementalStepRunReason Reason)> Reasons(GeneratorRunResult result, IEnumerable<string> names) =>
        from name in names
        where result.TrackedSteps.ContainsKey(name)
        from step in result.TrackedSteps[name]
        from output in step.Outputs
        select (name, output.Reason);

    public static IEnumerable<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs).Select(static o => o.Reason);

    public static void AssertAllCachedOrUnchanged(GeneratorRunResult result, IEnumerable<string> names)
    {
        var notCached = Reasons(result, names)
            .Where(static r => r.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .ToList();
        Assert.True(notCached.Count == 0, "Steps that ran again: " + string.Join(", ", notCached.Select(static r => $"{r.Step}={r.Reason}")));
    }

    /// <summary>
    /// Walks every value a step produced, through all fields, and fails on anything that would keep a
    /// compilation alive or is not a value: compilations, symbols, syntax nodes, semantic models, locations —
    /// and, in the model steps, syntax trees.
    /// </summary>
    public static void AssertHoldsNoRoslynObjects(GeneratorRunResult result, string stepName, bool allowSyntaxTrees)
    {
        Assert.True(result.TrackedSteps.ContainsKey(stepName), $"Step '{stepName}' did not run.");
        foreach (var step in result.TrackedSteps[stepName])
        {
            foreach (var (value, _) in step.Outputs)
            {
                Walk(value, stepName, allowSyntaxTrees, new HashSet<object>(ReferenceEqualityComparer.Instance), "value");
            }
        }
    }

    private static void Walk(object? value, string step, bool allowSyntaxTrees, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value is Type || value is Pointer || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is Compilation, $"{step}: {path} is a Compilation");
        Assert.False(value is ISymbol, $"{step}: {path} is a symbol ({value.GetType().Name})");
        Assert.False(value is SyntaxNode, $"{step}: {path} is a syntax node ({value.GetType().Name})");
        Assert.False(value is SemanticModel, $"{step}: {path} is a semantic model");
        Assert.False(value is Location, $"{step}: {path} is a Location ({value.GetType().Name})");
        if (value is SyntaxTree)
        {
            Assert.True(allowSyntaxTrees, $"{step}: {path} is a syntax tree");
            return;
        }

        if (value is DiagnosticDescriptor or LocalizableString)
        {
            // Immutable descriptions shared by every run.
            return;
        }

        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable enumerable and not IDictionary)
        {
            var i = 0;
            foreach (var item in enumerable)
            {
                Walk(item, step, allowSyntaxTrees, seen, $"{path}[{i++}]");
            }
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer)
                {
                    continue;
                }

                Walk(field.GetValue(value), step, allowSyntaxTrees, seen, path + "." + field.Name);
            }
        }
    }
}
