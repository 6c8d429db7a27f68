namespace CancelGen.EndToEnd.Tests.Support;

/// <summary>
/// The xunit collection whose tests share one <see cref="PackedPackages"/>: the packages are packed once per
/// test run. Put <c>[Collection(PackedPackages.CollectionName)]</c> on a test class to join it.
/// </summary>
[CollectionDefinition(PackedPackages.CollectionName)]
public sealed class PackedPackagesCollection : ICollectionFixture<PackedPackages>;
