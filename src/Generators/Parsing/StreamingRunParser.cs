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
internal static partial class StreamingRunParser
{
    private const string DefaultContextArgument = "__run";
    private const string DefaultTokenArgument = "__cancellationToken";
    private const string DefaultTokenParameter = "cancellationToken";

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

        // Two methods with the same signature (CS0111) here or in a base type would make the wrapper's call
        // ambiguous: the compiler already reports the duplicate, so no wrapper is generated for it.
        if (IsDeclaredTwice(signature, implementation))
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
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMethodName,
                    NamedArgumentLocation(attributeSyntax, "MethodName") ?? attributeLocation, requestedName, methodDisplay, wrapperName));
            }
            else
            {
                wrapperName = requestedName;
            }
        }

        var runOptions = ReadRunOptions(attribute, attributeSyntax, attributeLocation, methodDisplay, diagnostics);

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
            var collision = FindCollision(method, signature, wrapperName, keptParameters, hasParamsOverload, attribute?.AttributeClass, known, compilation, out hidesInherited);
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
                // Only the wrapper's own parameters carry a default; the context's and token's are never read,
                // and reading one makes the compiler bind (and nullable-analyze) its default value.
                DefaultValue: roles[i] == ParameterRole.Passed ? SymbolFormatting.DefaultValue(parameter) : null,
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
            TypeHintName: TypeHintName(method.ContainingType),
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
            RunOptions: runOptions,
            Documentation: documentation,
            ParamsOverloadDocumentation: paramsDocumentation,
            MethodAttributes: MethodAttributes(signature).ToEquatableArray(),
            NullableAnnotationsEnabled: nullableEnabled,
            LanguageHasNullable: declaration.SyntaxTree.Options is not CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp8 },
            GeneratorVersion: GeneratorInfo.Version);
        return new ParseResult(model, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static ParseResult Fail(DiagnosticInfo diagnostic) => new(null, new[] { diagnostic }.ToEquatableArray());
}
