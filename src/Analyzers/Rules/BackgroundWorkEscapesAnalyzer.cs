using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CancelGen.Analyzers.Rules;

/// <summary>
/// CG0003: inside a <c>[StreamingRun]</c> method, background work escapes the run — <c>Task.Run</c>,
/// <c>Task.Factory.StartNew</c>, <c>new Thread</c>, <c>ThreadPool.QueueUserWorkItem</c>, or any task-returning
/// call whose task is dropped (expression statement, <c>_ = ...</c>) or kept in a local that is never used again,
/// instead of being awaited, returned, handed on, or given to <c>RunContext.Track</c>/<c>Run</c>.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class BackgroundWorkEscapesAnalyzer : RunRuleAnalyzer
{
    /// <summary>Diagnostic property telling the code fix how to wrap the work; absent when no fix applies.</summary>
    internal const string FixProperty = "CG0003.Fix";

    /// <summary>Wrap the expression in <c>run.Track(...)</c>.</summary>
    internal const string FixTrack = "Track";

    /// <summary>Wrap the expression in <c>run.Track((...).AsTask())</c> (a <c>ValueTask</c>).</summary>
    internal const string FixTrackAsTask = "TrackAsTask";

    /// <summary>
    /// Diagnostic property present when the work is <c>Task.Run(async () =&gt; ...)</c>, which can also become
    /// <c>run.Run(async ct =&gt; ...)</c>.
    /// </summary>
    internal const string RunLambdaProperty = "CG0003.RunLambda";

    /// <summary>Creates the rule.</summary>
    public BackgroundWorkEscapesAnalyzer()
        : base(DiagnosticDescriptors.BackgroundWorkEscapes)
    {
    }

    /// <inheritdoc/>
    private protected override void OnCompilationStart(CompilationStartAnalysisContext start, RunSymbols symbols)
    {
        if (symbols.RunContext is null || symbols.StreamingRunAttribute is null || symbols.Task is null)
        {
            return;
        }

        start.RegisterOperationBlockStartAction(block =>
        {
            if (block.OwningSymbol is not IMethodSymbol method || !symbols.IsStreamingRunMethod(method))
            {
                return;
            }

            var state = new MethodState(symbols);
            block.RegisterOperationAction(state.AnalyzeInvocation, OperationKind.Invocation);
            block.RegisterOperationAction(state.AnalyzeObjectCreation, OperationKind.ObjectCreation);
            block.RegisterOperationAction(state.RecordLocalRead, OperationKind.LocalReference);
            block.RegisterOperationBlockEndAction(state.ReportUnusedLocals);
        });
    }

    private enum Usage
    {
        /// <summary>Awaited, returned, handed on, stored outside the method: not this rule's business.</summary>
        Owned,

        /// <summary>Dropped: an expression statement or <c>_ = ...</c>.</summary>
        Dropped,

        /// <summary>Stored in a local; escapes only if the local is never read.</summary>
        StoredInLocal,
    }

    /// <summary>The per-method state: candidates stored in locals, and the locals that are read.</summary>
    private sealed class MethodState(RunSymbols symbols)
    {
        private readonly object _gate = new();
        private readonly List<(ILocalSymbol Local, Diagnostic Diagnostic)> _storedInLocals = [];
        private readonly HashSet<ILocalSymbol> _readLocals = new(SymbolEqualityComparer.Default);

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            if (context.Operation is not IInvocationOperation invocation)
            {
                return;
            }

            var method = invocation.TargetMethod;
            if (method is null || symbols.IsRunContextMember(method))
            {
                return;
            }

            if (method.IsStatic && method.ContainingType is { } type
                && SymbolEqualityComparer.Default.Equals(type, symbols.ThreadPool)
                && method.Name is "QueueUserWorkItem" or "UnsafeQueueUserWorkItem")
            {
                // A thread-pool work item can never be tracked: always escapes, no automatic fix.
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.BackgroundWorkEscapes, invocation.Syntax.GetLocation(), "ThreadPool." + method.Name));
                return;
            }

            if (!symbols.IsTaskLike(method.ReturnType))
            {
                return;
            }

            AnalyzeTask(context, invocation, DisplayName(method));
        }

        public void AnalyzeObjectCreation(OperationAnalysisContext context)
        {
            if (context.Operation is IObjectCreationOperation creation
                && creation.Type is { } type
                && SymbolEqualityComparer.Default.Equals(type, symbols.Thread))
            {
                // A dedicated thread is never owned by the run: cancelling the run does not stop it.
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.BackgroundWorkEscapes, creation.Syntax.GetLocation(), "new Thread"));
            }
        }

        public void RecordLocalRead(OperationAnalysisContext context)
        {
            if (context.Operation is not ILocalReferenceOperation reference || reference.IsDeclaration)
            {
                return;
            }

            if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
            {
                return; // a write, not a read
            }

            if (IsInspection(reference))
            {
                return; // t.IsCompleted, t.Status, t.Id, t == null: looks at the task, does not own it
            }

            lock (_gate)
            {
                _readLocals.Add(reference.Local);
            }
        }

        /// <summary>
        /// Whether <paramref name="reference"/> only looks at the task: reads a property other than <c>Result</c>
        /// (<c>IsCompleted</c>, <c>Status</c>, <c>Id</c>, <c>Exception</c>...), directly or through <c>?.</c>, or compares it
        /// with <c>null</c>. Awaiting, waiting (<c>Wait()</c>, <c>Result</c>, <c>GetAwaiter()</c>), returning, passing or
        /// storing it are uses.
        /// </summary>
        private bool IsInspection(ILocalReferenceOperation reference)
        {
            if (!symbols.IsTaskLike(reference.Local.Type))
            {
                return false;
            }

            IOperation value = reference;
            while (value.Parent is IConversionOperation conversion)
            {
                value = conversion;
            }

            return value.Parent switch
            {
                IPropertyReferenceOperation property when property.Instance == reference => property.Property.Name != "Result",
                IConditionalAccessOperation access when access.Operation == value =>
                    access.WhenNotNull is IPropertyReferenceOperation { Property.Name: not "Result", Instance: IConditionalAccessInstanceOperation },
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } => true,
                IIsPatternOperation { Pattern: IConstantPatternOperation or INegatedPatternOperation { Pattern: IConstantPatternOperation } } => true,
                _ => false,
            };
        }

        public void ReportUnusedLocals(OperationBlockAnalysisContext context)
        {
            lock (_gate)
            {
                foreach (var (local, diagnostic) in _storedInLocals)
                {
                    if (!_readLocals.Contains(local))
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }
        }

        private void AnalyzeTask(OperationAnalysisContext context, IOperation work, string name)
        {
            var usage = Classify(work, out var local, out var wrappable);
            if (usage == Usage.Owned || symbols.IsInsideRunContextRunLambda(work))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (wrappable && work.Syntax is ExpressionSyntax && !StreamingRunOperations.IsInStaticFunction(work))
            {
                var isValueTask = symbols.IsValueTask(work.Type);
                if (!isValueTask || usage == Usage.Dropped || IsImplicitlyTypedLocal(local))
                {
                    properties = properties.Add(FixProperty, isValueTask ? FixTrackAsTask : FixTrack);
                    if (IsTaskRunOfAsyncLambda(work))
                    {
                        properties = properties.Add(RunLambdaProperty, "true");
                    }
                }
            }

            var diagnostic = Diagnostic.Create(
                DiagnosticDescriptors.BackgroundWorkEscapes, work.Syntax.GetLocation(), properties, name);
            if (usage == Usage.Dropped)
            {
                context.ReportDiagnostic(diagnostic);
                return;
            }

            lock (_gate)
            {
                _storedInLocals.Add((local!, diagnostic));
            }
        }

        /// <summary>
        /// Follows the value of <paramref name="work"/> up the operation tree to where it ends up.
        /// <paramref name="wrappable"/> is false when the value passes through something (ConfigureAwait, ?.) that
        /// makes wrapping the call itself in <c>Track(...)</c> wrong.
        /// </summary>
        private static Usage Classify(IOperation work, out ILocalSymbol? local, out bool wrappable)
        {
            local = null;
            wrappable = true;
            var current = work;
            while (true)
            {
                var parent = current.Parent;
                switch (parent)
                {
                    case IConversionOperation:
                    case IConditionalOperation conditional when conditional.Condition != current:
                    case ICoalesceOperation coalesce when coalesce.Value != current:
                        current = parent;
                        continue;
                    case IConditionalAccessOperation access when access.WhenNotNull == current:
                        wrappable = false;
                        current = parent;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure when configure.Instance == current:
                        wrappable = false;
                        current = parent;
                        continue;
                    case IExpressionStatementOperation:
                        return Usage.Dropped;
                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        switch (assignment.Target)
                        {
                            case IDiscardOperation:
                                return Usage.Dropped;
                            case ILocalReferenceOperation target:
                                local = target.Local;
                                return Usage.StoredInLocal;
                            default:
                                return Usage.Owned;
                        }

                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        local = declarator.Symbol;
                        return local is null ? Usage.Owned : Usage.StoredInLocal;
                    default:
                        // Awaited, returned, passed as an argument (Track, WhenAll, a list...), stored in a field,
                        // used as a receiver: the task is owned by someone.
                        return Usage.Owned;
                }
            }
        }

        /// <summary>
        /// Whether <paramref name="work"/> is <c>Task.Run(() =&gt; task)</c> (optionally with a token) whose lambda
        /// returns a <c>Task</c>/<c>Task&lt;T&gt;</c>: it can become <c>run.Run(ct =&gt; task)</c> as it stands.
        /// </summary>
        private bool IsTaskRunOfAsyncLambda(IOperation work)
        {
            if (work is not IInvocationOperation { TargetMethod: { Name: "Run", IsStatic: true } method } invocation
                || !SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Task)
                || invocation.Arguments.Length is < 1 or > 2
                || invocation.Arguments[0].Value is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } creation
                || lambda.Symbol.Parameters.Length != 0
                || creation.Type is not INamedTypeSymbol { DelegateInvokeMethod.ReturnType: INamedTypeSymbol returnType })
            {
                return false;
            }

            if (invocation.Arguments.Length == 2 && !symbols.IsCancellationToken(invocation.Arguments[1].Parameter?.Type))
            {
                return false;
            }

            var definition = returnType.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(definition, symbols.Task)
                || SymbolEqualityComparer.Default.Equals(definition, symbols.TaskOfT);
        }

        private static bool IsImplicitlyTypedLocal(ILocalSymbol? local)
        {
            if (local is null || local.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            return local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax
            {
                Parent: VariableDeclarationSyntax { Type.IsVar: true },
            };
        }

        private string DisplayName(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (type is not null)
            {
                if (method.Name == "Run" && SymbolEqualityComparer.Default.Equals(type, symbols.Task))
                {
                    return "Task.Run";
                }

                if (method.Name == "StartNew" && type.Name == "TaskFactory"
                    && type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
                {
                    return "Task.Factory.StartNew";
                }
            }

            return method.Name;
        }
    }
}
