import { TextInput, type TextInputProps } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";

interface SearchInputProps extends Omit<TextInputProps, "value" | "onChange" | "defaultValue"> {
  value: string | undefined;
  /** Called once typing pauses, so each keystroke does not start a request. */
  onSearch: (value: string | undefined) => void;
}

export function SearchInput({ value, onSearch, ...props }: SearchInputProps) {
  const [text, setText] = useState(value ?? "");
  const search = useDebouncedCallback((next: string) => onSearch(next.trim() || undefined), 400);
  return (
    <TextInput
      type="search"
      {...props}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
    />
  );
}
