using System.Buffers.Text;
using System.Security.Cryptography;

namespace CancelGen.Internal;

/// <summary>Run ids: 128 bits from the cryptographic generator, as 22 characters of base64url.</summary>
internal static class RunIds
{
    /// <summary>The length of every id.</summary>
    public const int Length = 22;

    /// <summary>A fresh id.</summary>
    public static string New()
    {
        Span<byte> bits = stackalloc byte[16];
        RandomNumberGenerator.Fill(bits);
        return Base64Url.EncodeToString(bits);
    }

    /// <summary>Whether <paramref name="id"/> has the shape of an id (it may still name no run).</summary>
    public static bool IsWellFormed(string? id)
    {
        if (id is null || id.Length != Length)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
