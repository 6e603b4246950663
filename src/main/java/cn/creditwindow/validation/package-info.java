/**
 * The shape of "your input is wrong" shared by every domain: {@link cn.creditwindow.validation.FieldError}
 * messages in Chinese and English, and the exceptions the web layer maps to 4xx answers.
 */
package cn.creditwindow.validation;
