using System.Globalization;
using System.Text;
using CancelGen.Generators.Diagnostics;
using CancelGen.Generators.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CancelGen.Generators.Parsing;

/// <summary>
/// Turns one <c>[StreamingRun]</c> target into an equatable <see cref="StreamingRunModel"/>, or into the
/// diagnostics that say why there is none. Symbols and syntax are used here only; nothing of them leaves.
/// </summary>
internal static class StreamingRunParser
{
    private const string DefaultContextArgument = "__run";
    private const string DefaultTokenArgument = "__cancellationToken";
    private const string DefaultTokenParameter = "cancellationToken";

    private static readonly string[] CarriedParameterAttributes =
    [
        "System.Runtime.CompilerServices.CallerMemberNameAttribute",
        "System.Runtime.CompilerServices.CallerFilePathAttribute",
        "System.Runtime.CompilerServices.CallerLineNumberAttribute",
        "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute",
        "System.Diagnostics.CodeAnalysis.AllowNullAttribute",
        "System.Diagnostics.CodeAnalysis.DisallowNullAttribute",
    ];

    private static readonly string[] CarriedMethodAttributes =
    [
        "System.ObsoleteAttribute",
        "System.Diagnostics.CodeAnalysis.ExperimentalAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresUnreferencedCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresDynamicCodeAttribute",
        "System.Diagnostics.CodeAnalysis.RequiresAssemblyFilesAttribute",
    ];

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method)
        {
            return ParseResult.Nothing;
        }

        var attribute = context.Attributes.FirstOrDefault();
        var attributeSyntax = attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken);
        var attributeLocation = LocationInfo.From(attributeSyntax) ?? LocationInfo.From(context.TargetNode);

        // Local functions and lambdas: FAWMN sees attributes on them too.
        if (context.TargetNode is LocalFunctionStatementSyntax localFunction)
        {
            return Fail(DiagnosticInfo.Create(DiagnosticDescriptors.LocalFunctionOrLambda, LocationInfo.From(localFunction.Identifier),
                $"local function '{localFunction.Identifier.ValueText}'"));
        }

        if (context.TargetNode is AnonymousFunctionExpressionSyntax || method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction)
        {
            return Fail(DiagnosticInfo.Create(DiagnosticDescriptors.LocalFunctionOrLambda, attributeLocation, "a lambda"));
        }

        if (context.TargetNode is not MethodDeclarationSyntax declaration || method.MethodKind != MethodKind.Ordinary)
        {
            var kind = method.MethodKind switch
            {
                MethodKind.ExplicitInterfaceImplementation => "an explicit interface implementation",
                MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise => "an accessor",
                MethodKind.UserDefinedOperator or MethodKind.Conversion => "an operator",
                MethodKind.Constructor or MethodKind.StaticConstructor => "a constructor",
                MethodKind.Destructor => "a finalizer",
                _ => "not an ordinary method",
            };
            return Fail(DiagnosticInfo.Create(DiagnosticDescriptors.NotOrdinaryMethod, attributeLocation, SymbolFormatting.ForMessage(method), kind));
        }

        var compilation = context.SemanticModel.Compilation;
        var known = KnownTypes.From(compilation);
        if (!known.RuntimeAvailable || method.ContainingType is null)
        {
            // Without the CancelGen runtime the generated code could not compile; the user already sees the missing types.
            return ParseResult.Nothing;
        }

        // A partial method marked on both parts (CS0579) is seen twice: let the defining part speak.
        if (method.PartialDefinitionPart is { } definitionPart && HasStreamingRunAttribute(definitionPart, attribute?.AttributeClass, compilation, cancellationToken))
        {
            return ParseResult.Nothing;
        }

        var signature = method.PartialDefinitionPart ?? method;
        var implementation = method.PartialImplementationPart ?? method;
        if (HasBindingErrors(signature))
        {
            // The user's code does not compile yet; the compiler says why.
            return ParseResult.Nothing;
        }

        // Two methods with the same signature (CS0111) would give the same wrapper: the compiler already reports it.
        var signatureKey = MethodKey(signature);
        var sameName = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>()
            .Where(m => !SymbolEqualityComparer.Default.Equals(m, signature) && !SymbolEqualityComparer.Default.Equals(m, implementation))
            .ToList();
        if (sameName.Any(m => MethodKey(m) == signatureKey))
        {
            return ParseResult.Nothing;
        }

        var identifierLocation = LocationInfo.From(declaration.Identifier);
        var methodDisplay = SymbolFormatting.ForMessage(method);
        var diagnostics = new List<DiagnosticInfo>();

        // Containing types: kind and partial-ness.
        var containingTypes = new List<INamedTypeSymbol>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            containingTypes.Insert(0, type);
        }

        var typeModels = new List<ContainingTypeModel>();
        var notPartial = new List<string>();
        string? unsupportedKind = null;
        foreach (var type in containingTypes)
        {
            var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).ToList();
            var typeDeclarations = declarations.OfType<TypeDeclarationSyntax>().ToList();
            if (type.TypeKind == TypeKind.Interface)
            {
                unsupportedKind ??= $"interface '{SymbolFormatting.ForMessage(type)}'";
                continue;
            }

            if (typeDeclarations.Count == 0 || typeDeclarations.Count != declarations.Count
                || typeDeclarations.Any(static d => d is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax)))
            {
                unsupportedKind ??= $"'{SymbolFormatting.ForMessage(type)}', which is not a class, struct or record declaration";
                continue;
            }

            if (typeDeclarations.Any(static d => d.Modifiers.Any(SyntaxKind.FileKeyword)))
            {
                unsupportedKind ??= $"file-local type '{SymbolFormatting.ForMessage(type)}' (a generated file cannot add to it)";
                continue;
            }

            if (!typeDeclarations.All(static d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                notPartial.Add("'" + SymbolFormatting.ForMessage(type) + "'");
            }

            var first = typeDeclarations[0];
            typeModels.Add(new ContainingTypeModel(
                Keyword: first switch
                {
                    RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                    StructDeclarationSyntax => "struct",
                    _ => "class",
                },
                Modifiers: (type.IsValueType && type.IsReadOnly ? "readonly " : string.Empty) + (type.IsRefLikeType ? "ref " : string.Empty),
                Name: SymbolFormatting.Identifier(type.Name),
                TypeParameters: TypeParameterList(type.TypeParameters, withVariance: true)));
        }

        if (unsupportedKind is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedContainingType, identifierLocation, methodDisplay, unsupportedKind));
        }

        // The generated name (needed in several messages).
        var wrapperName = DefaultWrapperName(method.Name);
        var methodNameArgument = attribute?.NamedArguments.FirstOrDefault(static a => a.Key == "MethodName");
        if (methodNameArgument is { Key: not null, Value.Value: string requestedName })
        {
            if (!SymbolFormatting.IsUsableName(requestedName) || SyntaxFacts.GetKeywordKind(requestedName) != SyntaxKind.None)
            {
                var argumentLocation = (attributeSyntax as AttributeSyntax)?.ArgumentList?.Arguments
                    .FirstOrDefault(static a => a.NameEquals?.Name.Identifier.ValueText == "MethodName")?.Expression;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMethodName,
                    LocationInfo.From(argumentLocation) ?? attributeLocation, requestedName, methodDisplay, wrapperName));
            }
            else
            {
                wrapperName = requestedName;
            }
        }

        if (notPartial.Count > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, identifierLocation,
                methodDisplay, wrapperName, string.Join(", ", notPartial)));
        }

        // Body.
        var countBefore = diagnostics.Count;
        if (signature.IsAbstract)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoBody, identifierLocation, methodDisplay, "abstract"));
        }
        else if (signature.IsExtern || implementation.IsExtern)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoBody, identifierLocation, methodDisplay, "extern"));
        }
        else if (signature.IsPartialDefinition && signature.PartialImplementationPart is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoBody, identifierLocation, methodDisplay, "a partial method without an implementing part"));
        }

        var hasBody = diagnostics.Count == countBefore;
        if (!method.IsStatic && method.ContainingType.IsValueType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.StructInstanceMethod, identifierLocation,
                methodDisplay, SymbolFormatting.ForMessage(method.ContainingType)));
        }

        // Return type: which form.
        var returnTypeLocation = LocationInfo.From(declaration.ReturnType);
        var returnType = signature.ReturnType;
        RunForm? form = null;
        ITypeSymbol? iteratorEventType = null;
        ITypeSymbol? outputType = null;
        if (signature.ReturnsVoid)
        {
            diagnostics.Add(implementation.IsAsync
                ? DiagnosticInfo.Create(DiagnosticDescriptors.AsyncVoid, returnTypeLocation, methodDisplay)
                : DiagnosticInfo.Create(DiagnosticDescriptors.InvalidReturnType, returnTypeLocation, methodDisplay, "void"));
        }
        else if (signature.ReturnsByRef || signature.ReturnsByRefReadonly)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidReturnType, returnTypeLocation, methodDisplay,
                "ref " + SymbolFormatting.ForMessage(returnType)));
        }
        else if (KnownTypes.IsGeneric(returnType, known.AsyncEnumerable))
        {
            form = RunForm.Iterator;
            iteratorEventType = ((INamedTypeSymbol)returnType).TypeArguments[0];
            if (hasBody && (!implementation.IsAsync || !IsIterator(implementation, cancellationToken)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAsyncIterator, identifierLocation,
                    methodDisplay, SymbolFormatting.ForMessage(iteratorEventType)));
            }
        }
        else if (KnownTypes.Is(returnType, known.Task))
        {
            form = RunForm.EmitterTask;
        }
        else if (KnownTypes.IsGeneric(returnType, known.TaskOfT))
        {
            form = RunForm.EmitterTaskOfOutput;
            outputType = ((INamedTypeSymbol)returnType).TypeArguments[0];
        }
        else if (KnownTypes.Is(returnType, known.ValueTask))
        {
            form = RunForm.EmitterValueTask;
        }
        else if (KnownTypes.IsGeneric(returnType, known.ValueTaskOfT))
        {
            form = RunForm.EmitterValueTaskOfOutput;
            outputType = ((INamedTypeSymbol)returnType).TypeArguments[0];
        }
        else
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidReturnType, returnTypeLocation, methodDisplay,
                SymbolFormatting.ForMessage(returnType)));
        }

        // Parameters: roles, capture rules.
        if (signature.IsVararg)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterCannotBeCaptured, identifierLocation,
                "__arglist", methodDisplay, "a variable argument list (__arglist)"));
        }

        var parameterSyntax = declaration.ParameterList.Parameters;
        IParameterSymbol? contextParameter = null;
        IParameterSymbol? tokenParameter = null;
        var roles = new ParameterRole[signature.Parameters.Length];
        for (var i = 0; i < signature.Parameters.Length; i++)
        {
            var parameter = signature.Parameters[i];
            var parameterLocation = i < parameterSyntax.Count ? LocationInfo.From(parameterSyntax[i].Identifier) : identifierLocation;
            var capture = CaptureProblem(parameter);
            if (capture is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterCannotBeCaptured, parameterLocation,
                    parameter.Name, methodDisplay, capture));
            }

            if (known.IsCancellationToken(parameter.Type))
            {
                roles[i] = ParameterRole.Token;
                if (tokenParameter is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TwoCancellationTokens, parameterLocation, parameter.Name, methodDisplay));
                }
                else
                {
                    tokenParameter = parameter;
                }
            }
            else if (known.IsContext(parameter.Type))
            {
                roles[i] = ParameterRole.Context;
                if (contextParameter is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TwoContexts, parameterLocation, parameter.Name, methodDisplay));
                }
                else
                {
                    contextParameter = parameter;
                }
            }
            else
            {
                roles[i] = ParameterRole.Passed;
            }
        }

        // The context must fit the form.
        ITypeSymbol? eventType = null;
        if (form == RunForm.Iterator)
        {
            eventType = iteratorEventType;
            if (contextParameter is not null && KnownTypes.IsGeneric(contextParameter.Type, known.RunContextOfT))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IteratorContextHasEventType,
                    ParameterLocation(contextParameter), contextParameter.Name, methodDisplay,
                    SymbolFormatting.ForMessage(contextParameter.Type), SymbolFormatting.ForMessage(eventType!)));
            }
        }
        else if (form is not null)
        {
            if (contextParameter is not null && KnownTypes.IsGeneric(contextParameter.Type, known.RunContextOfT))
            {
                eventType = ((INamedTypeSymbol)contextParameter.Type).TypeArguments[0];
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmitterNeedsTypedContext,
                    contextParameter is null ? identifierLocation : ParameterLocation(contextParameter),
                    methodDisplay, SymbolFormatting.ForMessage(returnType)));
            }
        }

        LocationInfo? ParameterLocation(IParameterSymbol parameter) =>
            parameter.Ordinal < parameterSyntax.Count ? LocationInfo.From(parameterSyntax[parameter.Ordinal].Identifier) : identifierLocation;

        // Names that must not clash inside the wrapper.
        var parameterNames = new HashSet<string>(signature.Parameters.Select(static p => p.Name), StringComparer.Ordinal);
        foreach (var typeParameter in signature.TypeParameters)
        {
            parameterNames.Add(typeParameter.Name);
        }

        var keptParameters = signature.Parameters.Where((_, i) => roles[i] == ParameterRole.Passed).ToList();
        var tokenParameterName = Unique(DefaultTokenParameter, new HashSet<string>(keptParameters.Select(static p => p.Name).Concat(signature.TypeParameters.Select(static t => t.Name)), StringComparer.Ordinal));
        var hasParamsOverload = keptParameters.Count > 0 && keptParameters[keptParameters.Count - 1].IsParams;

        // Collisions with existing members (only once the rest is right: the signature depends on it).
        var hidesInherited = false;
        if (diagnostics.Count == 0)
        {
            var collision = FindCollision(method, signature, wrapperName, keptParameters, hasParamsOverload, attribute?.AttributeClass, known, out hidesInherited);
            if (collision is not null)
            {
                var wrapperDisplay = wrapperName + "(" + string.Join(", ", keptParameters.Select(static p => SymbolFormatting.ForMessage(p.Type)).Concat(["CancellationToken"])) + ")";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, identifierLocation, wrapperDisplay, methodDisplay, collision));
            }
        }

        if (diagnostics.Count > 0 || form is null || eventType is null)
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        // Everything is valid: build the model.
        var keptNames = new HashSet<string>(keptParameters.Select(static p => p.Name), StringComparer.Ordinal);
        var parameters = new List<ParameterModel>();
        for (var i = 0; i < signature.Parameters.Length; i++)
        {
            var parameter = signature.Parameters[i];
            parameters.Add(new ParameterModel(
                Name: SymbolFormatting.Identifier(parameter.Name),
                Type: SymbolFormatting.Type(parameter.Type),
                Role: roles[i],
                DefaultValue: SymbolFormatting.DefaultValue(parameter),
                Attributes: roles[i] == ParameterRole.Passed ? ParameterAttributes(parameter, keptNames) : string.Empty,
                IsParams: parameter.IsParams,
                IsThis: i == 0 && signature.IsExtensionMethod && IsExtensionContainer(method.ContainingType),
                ParamsFallback: !parameter.IsParams || parameter.Type.IsValueType ? null
                    : parameter.Type is IArrayTypeSymbol array ? "global::System.Array.Empty<" + SymbolFormatting.Type(array.ElementType) + ">()"
                    : "[]"));
        }

        var removed = signature.Parameters.Where((_, i) => roles[i] != ParameterRole.Passed).Select(static p => p.Name).ToList();
        var markedName = SymbolFormatting.Identifier(method.Name);
        var documentation = DocumentationBuilder.Build(signature, removed, tokenParameterName, markedName, cancellationToken).ToEquatableArray();
        var paramsDocumentation = hasParamsOverload
            ? DocumentationBuilder.Build(signature, removed, null, markedName, cancellationToken).ToEquatableArray()
            : EquatableArray<string>.Empty;

        var position = declaration.Identifier.SpanStart;
        var nullableEnabled = (context.SemanticModel.GetNullableContext(position) & NullableContext.AnnotationsEnabled) != 0;
        var ns = method.ContainingType.ContainingNamespace is { IsGlobalNamespace: false } containingNamespace
            ? SymbolFormatting.Namespace(containingNamespace)
            : null;

        var model = new StreamingRunModel(
            HintName: HintName(method, signature, hasMarkedOverloads: sameName.Any(m => IsMarked(m, attribute?.AttributeClass))),
            Namespace: ns,
            ContainingTypes: typeModels.ToEquatableArray(),
            Accessibility: Accessibility(signature),
            IsStatic: signature.IsStatic,
            HidesInheritedMember: hidesInherited,
            WrapperName: SymbolFormatting.Identifier(wrapperName),
            MarkedMethodName: markedName,
            TypeParameterList: TypeParameterList(signature.TypeParameters, withVariance: false),
            ConstraintClauses: ConstraintClauses(signature.TypeParameters).ToEquatableArray(),
            CallTarget: signature.IsStatic ? SymbolFormatting.Type(method.ContainingType.WithNullableAnnotation(NullableAnnotation.None)) : "this",
            Form: form.Value,
            EventType: SymbolFormatting.Type(eventType),
            OutputType: outputType is null ? null : SymbolFormatting.Type(outputType),
            Parameters: parameters.ToEquatableArray(),
            TokenParameterName: SymbolFormatting.Identifier(tokenParameterName),
            ContextArgumentName: Unique(DefaultContextArgument, parameterNames),
            TokenArgumentName: Unique(DefaultTokenArgument, parameterNames),
            RunName: method.ContainingType.Name + "." + method.Name,
            Documentation: documentation,
            ParamsOverloadDocumentation: paramsDocumentation,
            MethodAttributes: MethodAttributes(signature).ToEquatableArray(),
            NullableAnnotationsEnabled: nullableEnabled,
            GeneratorVersion: GeneratorInfo.Version);
        return new ParseResult(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    /// <summary>
    /// A coarse order of accessibility (private &lt; private protected &lt; protected, internal &lt; protected internal
    /// &lt; public), taking the containing types into account. Protected and internal rank equal, so nothing valid
    /// is ever judged less accessible.
    /// </summary>
    private static int EffectiveRank(ISymbol symbol)
    {
        var rank = int.MaxValue;
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            rank = Math.Min(rank, current.DeclaredAccessibility switch
            {
                Microsoft.CodeAnalysis.Accessibility.Private => 0,
                Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => 1,
                Microsoft.CodeAnalysis.Accessibility.Protected or Microsoft.CodeAnalysis.Accessibility.Internal => 2,
                Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => 3,
                Microsoft.CodeAnalysis.Accessibility.Public => 4,
                _ => 4,
            });
        }

        return rank;
    }

    private static int TypeRank(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol or IDynamicTypeSymbol => int.MaxValue,
        IArrayTypeSymbol array => TypeRank(array.ElementType),
        IPointerTypeSymbol pointer => TypeRank(pointer.PointedAtType),
        INamedTypeSymbol named => Math.Min(EffectiveRank(named), named.TypeArguments.Select(TypeRank).DefaultIfEmpty(int.MaxValue).Min()),
        _ => int.MaxValue,
    };

    private static bool HasDuplicates(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return names.Any(name => !seen.Add(name));
    }

    /// <summary>Where C# allows extension methods: a static, non-generic, top-level class.</summary>
    private static bool IsExtensionContainer(INamedTypeSymbol type) =>
        type is { IsStatic: true, IsGenericType: false, ContainingType: null, TypeKind: TypeKind.Class };

    private static ParseResult Fail(DiagnosticInfo diagnostic) => new(null, new[] { diagnostic }.ToEquatableArray());

    /// <summary><c>RunAsync</c> gives <c>RunStreamed</c>, <c>Chat</c> gives <c>ChatStreamed</c>.</summary>
    public static string DefaultWrapperName(string methodName)
    {
        const string suffix = "Async";
        var stem = methodName.Length > suffix.Length && methodName.EndsWith(suffix, StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - suffix.Length)
            : methodName;
        return stem + "Streamed";
    }

    private static bool HasStreamingRunAttribute(IMethodSymbol part, INamedTypeSymbol? attributeClass, Compilation compilation, CancellationToken cancellationToken)
    {
        if (attributeClass is null)
        {
            return false;
        }

        foreach (var reference in part.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration || declaration.AttributeLists.Count == 0
                || !compilation.ContainsSyntaxTree(declaration.SyntaxTree))
            {
                continue;
            }

            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
            foreach (var attributeSyntax in declaration.AttributeLists.SelectMany(static l => l.Attributes))
            {
                var constructor = model.GetSymbolInfo(attributeSyntax, cancellationToken).Symbol;
                if (SymbolEqualityComparer.Default.Equals(constructor?.ContainingType, attributeClass))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasBindingErrors(IMethodSymbol method)
    {
        if (!SymbolFormatting.IsUsableName(method.Name) || SymbolFormatting.ContainsErrors(method.ReturnType))
        {
            return true;
        }

        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!SymbolFormatting.IsUsableName(type.Name)
                || type.TypeParameters.Any(static t => !SymbolFormatting.IsUsableName(t.Name) || t.ConstraintTypes.Any(SymbolFormatting.ContainsErrors))
                || HasDuplicates(type.TypeParameters.Select(static t => t.Name)))
            {
                return true;
            }
        }

        for (var ns = method.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (!SymbolFormatting.IsUsableName(ns.Name))
            {
                return true;
            }
        }

        // Duplicate names (CS0100, CS0692) would be copied into the wrapper.
        if (HasDuplicates(method.Parameters.Select(static p => p.Name)) || HasDuplicates(method.TypeParameters.Select(static t => t.Name)))
        {
            return true;
        }

        // An optional parameter before a required one (CS1737) would be copied into the wrapper.
        var seenOptional = false;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.HasExplicitDefaultValue)
            {
                seenOptional = true;
            }
            else if (seenOptional && !parameter.IsParams)
            {
                return true;
            }
        }

        // An instance method in a static class (CS0708).
        if (!method.IsStatic && method.ContainingType.IsStatic)
        {
            return true;
        }

        // A signature that is less accessible than the method (CS0050/CS0051) would be copied into the wrapper.
        var methodRank = EffectiveRank(method);
        if (TypeRank(method.ReturnType) < methodRank || method.Parameters.Any(p => TypeRank(p.Type) < methodRank))
        {
            return true;
        }

        return method.Parameters.Any(static p => !SymbolFormatting.IsUsableName(p.Name) || SymbolFormatting.ContainsErrors(p.Type))
            || method.TypeParameters.Any(static t => !SymbolFormatting.IsUsableName(t.Name) || t.ConstraintTypes.Any(SymbolFormatting.ContainsErrors));
    }

    /// <summary>Whether the body has a <c>yield</c> of its own (not one of a nested lambda or local function).</summary>
    private static bool IsIterator(IMethodSymbol implementation, CancellationToken cancellationToken)
    {
        foreach (var reference in implementation.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MethodDeclarationSyntax { Body: { } body }
                && body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                    .OfType<YieldStatementSyntax>().Any())
            {
                return true;
            }
        }

        return false;
    }

    private static string? CaptureProblem(IParameterSymbol parameter)
    {
        switch (parameter.RefKind)
        {
            case RefKind.Ref:
                return "a 'ref' parameter";
            case RefKind.Out:
                return "an 'out' parameter";
            case RefKind.In:
                return "an 'in' parameter";
            case RefKind.None:
                break;
            default:
                return "a 'ref readonly' parameter";
        }

        if (SymbolFormatting.ContainsPointer(parameter.Type))
        {
            return "a pointer";
        }

        if (parameter.Type.IsRefLikeType)
        {
            return $"a ref struct ('{SymbolFormatting.ForMessage(parameter.Type)}')";
        }

        if (parameter.Type is ITypeParameterSymbol { AllowsRefLikeType: true })
        {
            return $"of a type parameter that allows ref structs ('{parameter.Type.Name}')";
        }

        return null;
    }

    /// <summary>
    /// What the wrapper (or its <c>params</c> overload) would collide with, or null. Also says whether it
    /// hides an inherited member (it then gets <c>new</c>).
    /// </summary>
    private static string? FindCollision(
        IMethodSymbol method,
        IMethodSymbol signature,
        string wrapperName,
        List<IParameterSymbol> keptParameters,
        bool hasParamsOverload,
        INamedTypeSymbol? attributeClass,
        KnownTypes known,
        out bool hidesInherited)
    {
        hidesInherited = false;
        var type = method.ContainingType;
        var arity = signature.TypeParameters.Length;
        var keys = WrapperKeys(keptParameters, arity, hasParamsOverload);

        if (string.Equals(type.Name, wrapperName, StringComparison.Ordinal))
        {
            return $"the name of its containing type '{SymbolFormatting.ForMessage(type)}'";
        }

        for (var outer = type; outer is not null; outer = outer.ContainingType)
        {
            if (outer.TypeParameters.Any(t => string.Equals(t.Name, wrapperName, StringComparison.Ordinal)))
            {
                return $"type parameter '{wrapperName}' of '{SymbolFormatting.ForMessage(outer)}'";
            }
        }

        foreach (var member in type.GetMembers(wrapperName))
        {
            if (member is not IMethodSymbol existing)
            {
                return $"{KindOf(member)} '{SymbolFormatting.ForMessage(member)}'";
            }

            if (keys.Contains(MethodKey(existing)))
            {
                return SymbolEqualityComparer.Default.Equals(existing.PartialDefinitionPart ?? existing, signature)
                    ? "the [StreamingRun] method itself"
                    : $"method '{SymbolFormatting.ForMessage(existing)}'";
            }
        }

        // Another [StreamingRun] method of the same type that would generate the same member.
        foreach (var other in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (SymbolEqualityComparer.Default.Equals(other, method) || SymbolEqualityComparer.Default.Equals(other, signature)
                || !IsMarked(other, attributeClass))
            {
                continue;
            }

            var otherKeys = GeneratedKeys(other, attributeClass, known, out var otherName);
            if (string.Equals(otherName, wrapperName, StringComparison.Ordinal) && otherKeys.Overlaps(keys))
            {
                return $"the method generated for [StreamingRun] method '{SymbolFormatting.ForMessage(other)}'";
            }
        }

        // Inherited members with the same name and signature are hidden: the wrapper then says 'new'.
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            foreach (var member in baseType.GetMembers(wrapperName))
            {
                if (member.DeclaredAccessibility == Microsoft.CodeAnalysis.Accessibility.Private)
                {
                    continue;
                }

                if (member is not IMethodSymbol inherited || keys.Contains(MethodKey(inherited)))
                {
                    hidesInherited = true;
                }
            }

            // A base type from metadata already contains its generated wrappers (found by name above); only a
            // base type in this compilation can have marked methods whose wrappers are being generated now.
            if (!baseType.Locations.Any(static l => l.IsInSource))
            {
                continue;
            }

            foreach (var other in baseType.GetMembers().OfType<IMethodSymbol>())
            {
                if (other.DeclaredAccessibility != Microsoft.CodeAnalysis.Accessibility.Private && IsMarked(other, attributeClass))
                {
                    var otherKeys = GeneratedKeys(other, attributeClass, known, out var otherName);
                    if (string.Equals(otherName, wrapperName, StringComparison.Ordinal) && otherKeys.Overlaps(keys))
                    {
                        hidesInherited = true;
                    }
                }
            }
        }

        return null;
    }

    private static string KindOf(ISymbol member) => member switch
    {
        IPropertySymbol => "property",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        INamedTypeSymbol => "nested type",
        _ => "member",
    };

    private static bool IsMarked(IMethodSymbol method, INamedTypeSymbol? attributeClass) =>
        attributeClass is not null
        && method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeClass));

    /// <summary>The signature keys another marked method's wrapper would have, and its name.</summary>
    private static HashSet<string> GeneratedKeys(IMethodSymbol other, INamedTypeSymbol? attributeClass, KnownTypes known, out string name)
    {
        var attribute = other.GetAttributes().First(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeClass));
        var requested = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "MethodName").Value.Value as string;
        name = requested ?? DefaultWrapperName(other.Name);
        var kept = other.Parameters.Where(p => !known.IsCancellationToken(p.Type) && !known.IsContext(p.Type)).ToList();
        return WrapperKeys(kept, other.TypeParameters.Length, kept.Count > 0 && kept[kept.Count - 1].IsParams);
    }

    private static HashSet<string> WrapperKeys(List<IParameterSymbol> kept, int arity, bool hasParamsOverload)
    {
        var types = kept.Select(static p => SymbolFormatting.SignatureKey(p.Type)).ToList();
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            Key(arity, types.Concat(["System.CancellationToken"])),
        };
        if (hasParamsOverload)
        {
            keys.Add(Key(arity, types));
        }

        return keys;
    }

    private static string MethodKey(IMethodSymbol method) =>
        Key(method.TypeParameters.Length, method.Parameters.Select(static p => (p.RefKind == RefKind.None ? string.Empty : "&") + SymbolFormatting.SignatureKey(p.Type)));

    private static string Key(int arity, IEnumerable<string> parameterTypes) =>
        arity.ToString(CultureInfo.InvariantCulture) + "(" + string.Join(",", parameterTypes.Select(static t => t == "System.CancellationToken" ? "System.Threading.CancellationToken" : t)) + ")";

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 1; taken.Contains(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string Accessibility(IMethodSymbol method)
    {
        var sealedType = method.ContainingType.IsSealed || method.ContainingType.IsValueType || method.ContainingType.IsStatic;
        return method.DeclaredAccessibility switch
        {
            Microsoft.CodeAnalysis.Accessibility.Public => "public",
            Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
            Microsoft.CodeAnalysis.Accessibility.Protected => sealedType ? "private" : "protected",
            Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => sealedType ? "internal" : "protected internal",
            Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => sealedType ? "private" : "private protected",
            _ => "private",
        };
    }

    private static string TypeParameterList(IEnumerable<ITypeParameterSymbol> typeParameters, bool withVariance)
    {
        var names = typeParameters.Select(t =>
            (withVariance && t.Variance == VarianceKind.In ? "in " : withVariance && t.Variance == VarianceKind.Out ? "out " : string.Empty)
            + SymbolFormatting.Identifier(t.Name)).ToList();
        return names.Count == 0 ? string.Empty : "<" + string.Join(", ", names) + ">";
    }

    private static IEnumerable<string> ConstraintClauses(IEnumerable<ITypeParameterSymbol> typeParameters)
    {
        foreach (var typeParameter in typeParameters)
        {
            var parts = new List<string>();
            if (typeParameter.HasReferenceTypeConstraint)
            {
                parts.Add(typeParameter.ReferenceTypeConstraintNullableAnnotation == NullableAnnotation.Annotated ? "class?" : "class");
            }
            else if (typeParameter.HasUnmanagedTypeConstraint)
            {
                parts.Add("unmanaged");
            }
            else if (typeParameter.HasValueTypeConstraint)
            {
                parts.Add("struct");
            }
            else if (typeParameter.HasNotNullConstraint)
            {
                parts.Add("notnull");
            }

            parts.AddRange(typeParameter.ConstraintTypes.Select(SymbolFormatting.Type));
            if (typeParameter.HasConstructorConstraint)
            {
                parts.Add("new()");
            }

            if (typeParameter.AllowsRefLikeType)
            {
                parts.Add("allows ref struct");
            }

            if (parts.Count > 0)
            {
                yield return "where " + SymbolFormatting.Identifier(typeParameter.Name) + " : " + string.Join(", ", parts);
            }
        }
    }

    private static string ParameterAttributes(IParameterSymbol parameter, HashSet<string> keptNames)
    {
        var builder = new StringBuilder();
        if (parameter.IsOptional && !parameter.HasExplicitDefaultValue)
        {
            builder.Append("[global::System.Runtime.InteropServices.OptionalAttribute] ");
        }

        var carried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in parameter.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name is null || Array.IndexOf(CarriedParameterAttributes, name) < 0 || !IsWellFormed(attribute) || !carried.Add(name))
            {
                // Not one that matters to callers, broken, or a duplicate (CS0579, the user's error to see).
                continue;
            }

            if (name == "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute"
                && !(attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string target && keptNames.Contains(target)))
            {
                // It would name a parameter the wrapper does not have.
                continue;
            }

            builder.Append(AttributeSource(attribute)).Append(' ');
        }

        return builder.ToString();
    }

    private static IEnumerable<string> MethodAttributes(IMethodSymbol method)
    {
        var carried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in method.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name is not null && Array.IndexOf(CarriedMethodAttributes, name) >= 0 && IsWellFormed(attribute) && carried.Add(name))
            {
                yield return AttributeSource(attribute);
            }
        }
    }

    /// <summary>Whether the attribute bound (a broken one is the user's error to see, not to copy).</summary>
    private static bool IsWellFormed(AttributeData attribute) =>
        attribute.AttributeConstructor is not null
        && attribute.ConstructorArguments.All(static a => a.Kind != TypedConstantKind.Error)
        && attribute.NamedArguments.All(static a => a.Value.Kind != TypedConstantKind.Error);

    private static string AttributeSource(AttributeData attribute)
    {
        var arguments = attribute.ConstructorArguments.Select(static a => a.ToCSharpString())
            .Concat(attribute.NamedArguments.Select(static a => a.Key + " = " + a.Value.ToCSharpString()))
            .ToList();
        var name = SymbolFormatting.Type(attribute.AttributeClass!);
        return "[" + name + (arguments.Count == 0 ? string.Empty : "(" + string.Join(", ", arguments) + ")") + "]";
    }

    /// <summary>
    /// A hint name that is the same for the same method on every run and differs between methods: the
    /// readable path (namespace, types with arity, method) plus a hash of the unsanitized path (and of the
    /// parameter types when the method has marked overloads).
    /// </summary>
    private static string HintName(IMethodSymbol method, IMethodSymbol signature, bool hasMarkedOverloads)
    {
        var path = new StringBuilder();
        if (!method.ContainingNamespace.IsGlobalNamespace)
        {
            path.Append(method.ContainingNamespace.ToDisplayString()).Append('.');
        }

        var types = new List<INamedTypeSymbol>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            types.Insert(0, type);
        }

        foreach (var type in types)
        {
            path.Append(type.MetadataName).Append('.');
        }

        path.Append(method.Name);
        if (signature.TypeParameters.Length > 0)
        {
            path.Append('`').Append(signature.TypeParameters.Length.ToString(CultureInfo.InvariantCulture));
        }

        // The parameter types join the hash only when marked overloads need telling apart, so that editing the
        // signature of a method keeps its file name.
        var full = hasMarkedOverloads
            ? path + "(" + string.Join(",", signature.Parameters.Select(static p => SymbolFormatting.SignatureKey(p.Type))) + ")"
            : path.ToString();
        var readable = new StringBuilder(path.Length);
        foreach (var c in path.ToString())
        {
            readable.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' ? c : '_');
        }

        return readable + "." + SymbolFormatting.StableHash(full) + ".g.cs";
    }
}
