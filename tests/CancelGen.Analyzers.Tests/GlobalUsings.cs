global using CG0003Verify = CancelGen.Analyzers.Tests.Verifiers.RuleVerifier<
    CancelGen.Analyzers.Rules.BackgroundWorkEscapesAnalyzer,
    CancelGen.Analyzers.CodeFixes.BackgroundWorkEscapesCodeFixProvider>;
global using CG0004Verify = CancelGen.Analyzers.Tests.Verifiers.RuleVerifier<
    CancelGen.Analyzers.Rules.TokenNotPassedAnalyzer,
    CancelGen.Analyzers.CodeFixes.TokenNotPassedCodeFixProvider>;
global using CG0001Verify = CancelGen.Analyzers.Tests.Verifiers.RuleVerifier<
    CancelGen.Analyzers.Rules.RunNotDisposedAnalyzer,
    CancelGen.Analyzers.CodeFixes.RunNotDisposedCodeFixProvider>;
global using CG0002Verify = CancelGen.Analyzers.Tests.Verifiers.RuleVerifier<
    CancelGen.Analyzers.Rules.RunDiscardedAnalyzer,
    CancelGen.Analyzers.CodeFixes.RunDiscardedCodeFixProvider>;
