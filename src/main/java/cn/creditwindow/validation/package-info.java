/**
 * The shape of "your input is wrong" shared by every domain: {@link cn.creditwindow.validation.FieldError}
 * messages in Chinese and English, the exceptions the web layer maps to 4xx answers, and
 * {@link cn.creditwindow.validation.Input}, a request's form handed to the domain unchecked, so that the domain
 * finds the record (404) and checks its state (409) before it names every bad field of the form at once (400).
 */
package cn.creditwindow.validation;
