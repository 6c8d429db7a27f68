using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CancelGen.Analyzers.CodeFixes;

/// <summary>Picks names for what the fixes introduce (a run local, a <c>RunContext</c> parameter, a lambda's token).</summary>
internal static class FreeNames
{
    /// <summary>
    /// The first of <paramref name="candidates"/>, else <paramref name="candidates"/>[0] followed by 2, 3, …, that
    /// is not an identifier anywhere in <paramref name="scopes"/>, not in <paramref name="reserved"/>, and (when a
    /// <paramref name="model"/> is given) binds to nothing at <paramref name="position"/>. The chosen name is added to
    /// <paramref name="reserved"/>.
    /// </summary>
    public static string Pick(
        IReadOnlyList<string> candidates,
        IEnumerable<SyntaxNode> scopes,
        ISet<string> reserved,
        SemanticModel? model = null,
        int position = 0)
    {
        var taken = new HashSet<string>(reserved, StringComparer.Ordinal);
        foreach (var token in scopes.SelectMany(scope => scope.DescendantTokens()))
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                taken.Add(token.ValueText);
            }
        }

        bool IsFree(string name) => !taken.Contains(name) && (model is null || model.LookupSymbols(position, name: name).IsEmpty);

        var chosen = candidates.FirstOrDefault(IsFree);
        for (var i = 2; chosen is null; i++)
        {
            var numbered = candidates[0] + i.ToString(CultureInfo.InvariantCulture);
            chosen = IsFree(numbered) ? numbered : null;
        }

        reserved.Add(chosen);
        return chosen;
    }
}
