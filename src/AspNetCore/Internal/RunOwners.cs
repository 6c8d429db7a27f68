using System.Security.Claims;

namespace CancelGen.Internal;

/// <summary>Who a request acts for, as far as run ownership goes.</summary>
internal static class RunOwners
{
    /// <summary>
    /// The <see cref="ClaimTypes.NameIdentifier"/> claim of an authenticated user, else its <c>Identity.Name</c>;
    /// <see langword="null"/> for an anonymous request (or an authenticated one that names nobody).
    /// </summary>
    public static string? Of(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }

        var id = user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        return string.IsNullOrEmpty(id) ? (string.IsNullOrEmpty(identity.Name) ? null : identity.Name) : id;
    }

    /// <summary>Whether the request's user may see and control a run owned by <paramref name="owner"/>.</summary>
    public static bool MayAccess(string? owner, ClaimsPrincipal? user) =>
        owner is null || string.Equals(owner, Of(user), StringComparison.Ordinal);
}
